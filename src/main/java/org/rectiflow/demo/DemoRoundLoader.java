package org.rectiflow.demo;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.rectiflow.round.Round;
import org.rectiflow.round.Rounds;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspecting body of the demo (issue 18): the provincial education work committee's inspection office
 * (中共湖南省委教育工委巡察办, the group {@code inspectionOffice}, whose clerk is {@code inspector}) and a round over
 * every unit the demo has when it loads, with an inspection group per unit: the reference case's unit is inspected by
 * 第四巡察组, led by {@code groupLeader} with {@code groupMember}; each further unit by the next group, led by
 * {@code groupLeader2}, {@code groupLeader3}... Each unit's first inspection becomes its feedback in the round, handed
 * over when it was registered. Runs after the demo's units and inspections are loaded, once (when there is no round).
 */
@Component
@ConditionalOnProperty(name = "rectiflow.demo.enabled", havingValue = "true")
class DemoRoundLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoRoundLoader.class);

	static final String OFFICE_NAME = "中共湖南省委教育工委巡察办";

	static final String GROUP_LEADER = "groupLeader";

	static final String GROUP_MEMBER = "groupMember";

	private static final List<String> GROUP_NAMES = List.of("第四巡察组", "第五巡察组", "第六巡察组", "第七巡察组", "第八巡察组",
			"第九巡察组", "第十巡察组");

	private final Rounds rounds;

	private final Units units;

	private final IdentityService identityService;

	private final JdbcClient jdbc;

	DemoRoundLoader(Rounds rounds, Units units, IdentityService identityService, JdbcClient jdbc) {
		this.rounds = rounds;
		this.units = units;
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	@Transactional
	public void load() {
		if (!this.rounds.all().isEmpty()) {
			return;
		}
		Group office = this.identityService.createGroupQuery().groupId(Groups.INSPECTION_OFFICE).singleResult();
		if (office != null && !OFFICE_NAME.equals(office.getName())) {
			office.setName(OFFICE_NAME);
			this.identityService.saveGroup(office);
		}
		LocalDate startsOn = this.jdbc.sql("select min(on_site_from) from inspection").query(LocalDate.class).optional()
			.orElse(null);
		LocalDate from = (startsOn != null) ? startsOn : LocalDate.now().minusMonths(3);
		Round round = this.rounds.create(1, "省委教育工委巡察（演示）", from, from.plusMonths(2), DemoAccounts.INSPECTOR);
		List<Unit> all = this.units.all();
		for (int i = 0; i < all.size(); i++) {
			Unit unit = all.get(i);
			String leader = (i == 0) ? GROUP_LEADER : GROUP_LEADER + (i + 1);
			account(leader, (i == 0) ? "王组长" : "组长" + (i + 1));
			if (i == 0) {
				account(GROUP_MEMBER, "张组员");
			}
			String groupName = (i < GROUP_NAMES.size()) ? GROUP_NAMES.get(i) : "第" + (i + 4) + "巡察组";
			this.rounds.assign(round.id(), unit.getId(), groupName, leader, (i == 0) ? List.of(GROUP_MEMBER) : List.of());
			// The unit's first inspection is the round's feedback, handed over when it was registered.
			this.jdbc.sql("""
					update inspection set round_id = ?, handed_over_at = created_at, handed_over_by = ?
					where id = (select min(id) from inspection where unit_id = ?) and round_id is null
					""").params(round.id(), leader, unit.getId()).update();
		}
		log.info("Demo inspecting body: {} with round {} over {} unit(s)", OFFICE_NAME, round.number(), all.size());
	}

	private void account(String id, String name) {
		if (this.identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identityService.newUser(id);
		user.setFirstName(name);
		user.setLastName("");
		user.setEmail(id + "@demo.rectiflow.org");
		user.setPassword(DemoAccounts.PASSWORD);
		this.identityService.saveUser(user);
	}

}
