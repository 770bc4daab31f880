package org.rectiflow.round;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.rectiflow.inspection.TypedDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Rounds (巡察轮次) and their inspection groups (巡察组). A round has a number, a name and a period; each of its units
 * is assigned an inspection group with a leader (组长) and members. An inspection group is a Camunda group of type
 * {@value Groups#TYPE_INSPECTION_GROUP} (id {@code round<N>group<K>}, unique across rounds) whose members are the
 * leader and the members, and which is a group-tenant member of every unit it inspects, so the engine lets the group
 * see those units' work and nothing else. One group may inspect several units of a round, as groups do.
 * <p>
 * Every rule is checked before anything is stored; a refusal is a {@link RectiflowException} with a sentence in the
 * person's language.
 */
@Service
@Transactional
public class Rounds {

	/** The units of rounds with their group: the select the other queries add their where clause to. */
	static final String ROUND_UNITS = """
			select ru.round_id, ru.unit_id, u.name as unit_name, rg.id as round_group_id, rg.group_id,
			       rg.name as group_name, rg.leader_id
			from round_unit ru
			join unit u on u.id = ru.unit_id
			join round_group rg on rg.id = ru.round_group_id
			""";

	static final int MAX_NUMBER = 999;

	private final JdbcClient jdbc;

	private final IdentityService identityService;

	private final Units units;

	private final Directory directory;

	private final Clock clock;

	private final TypedDates typedDates;

	Rounds(JdbcClient jdbc, IdentityService identityService, Units units, Directory directory, Clock clock, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.units = units;
		this.directory = directory;
		this.clock = clock;
	}

	/** Every round, the latest first. */
	@Transactional(readOnly = true)
	public List<Round> all() {
		return this.jdbc.sql("select id, number, name, starts_on, ends_on from inspection_round order by number desc")
			.query(Rounds::round)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Round> find(long roundId) {
		return this.jdbc.sql("select id, number, name, starts_on, ends_on from inspection_round where id = ?")
			.param(roundId)
			.query(Rounds::round)
			.optional();
	}

	@Transactional(readOnly = true)
	public Round get(long roundId) {
		return find(roundId).orElseThrow(() -> new RectiflowException.NotFound("error.round.notFound", roundId));
	}

	/** The round with this number, if any. */
	@Transactional(readOnly = true)
	public Optional<Round> byNumber(int number) {
		return this.jdbc.sql("select id, number, name, starts_on, ends_on from inspection_round where number = ?")
			.param(number)
			.query(Rounds::round)
			.optional();
	}

	/**
	 * Opens a round. The number is between 1 and {@value #MAX_NUMBER} and not taken, the name is given, the period
	 * has both dates and does not end before it starts.
	 */
	public Round create(Integer number, String name, LocalDate startsOn, LocalDate endsOn, String createdBy) {
		if (number == null || number < 1 || number > MAX_NUMBER) {
			throw new RectiflowException("error.round.number", MAX_NUMBER);
		}
		if (!StringUtils.hasText(name) || name.trim().length() > 200) {
			throw new RectiflowException("error.round.name");
		}
		if (startsOn == null || endsOn == null) {
			throw new RectiflowException("error.round.period");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new RectiflowException("error.round.periodOrder", startsOn, endsOn);
		}
		this.typedDates.plausible(startsOn, "date.field.roundStartsOn");
		this.typedDates.plausible(endsOn, "date.field.roundEndsOn");
		if (byNumber(number).isPresent()) {
			throw new RectiflowException.Conflict("error.round.numberTaken", number);
		}
		this.jdbc.sql("""
				insert into inspection_round (number, name, starts_on, ends_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(number, name.trim(), startsOn, endsOn, createdBy, java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return byNumber(number).orElseThrow();
	}

	/**
	 * Assigns a unit to the round with the inspection group that inspects it. A group is named within the round
	 * (e.g. 第一巡察组): a new name makes a new group with this leader; a name the round already has adds the unit to
	 * that group, whose leader must then be the one given. The leader and members must be known people who do not
	 * belong to the unit they inspect (回避). The group becomes a tenant member of the unit; the leader and members
	 * members of the group.
	 */
	public RoundUnit assign(long roundId, String unitId, String groupName, String leaderId, Collection<String> memberIds) {
		Round round = get(roundId);
		Unit unit = (unitId == null) ? null : this.units.find(unitId.trim()).orElse(null);
		if (unit == null) {
			throw new RectiflowException("error.round.unitUnknown", (unitId == null) ? "" : unitId);
		}
		if (!unitsOf(roundId, Set.of(unit.getId())).isEmpty()) {
			throw new RectiflowException.Conflict("error.round.unitAssigned", unit.getName(), round.number());
		}
		if (!StringUtils.hasText(groupName) || groupName.trim().length() > 100) {
			throw new RectiflowException("error.round.groupName");
		}
		String name = groupName.trim();
		String leader = (leaderId == null) ? "" : leaderId.trim();
		if (!this.directory.userExists(leader)) {
			throw new RectiflowException("error.round.leaderUnknown", leader);
		}
		Set<String> members = new LinkedHashSet<>();
		for (String m : (memberIds == null) ? List.<String>of() : memberIds) {
			if (StringUtils.hasText(m) && !m.trim().equals(leader)) {
				members.add(m.trim());
			}
		}
		for (String m : members) {
			if (!this.directory.userExists(m)) {
				throw new RectiflowException("error.round.memberUnknown", m);
			}
		}
		List<String> everyone = new ArrayList<>(members);
		everyone.add(0, leader);
		Set<String> unitPeople = this.units.userMembers(unit.getId());
		for (String person : everyone) {
			if (unitPeople.contains(person)) {
				throw new RectiflowException("error.round.personInUnit", this.directory.displayName(person), unit.getName());
			}
		}
		long roundGroupId;
		String groupId;
		Optional<Object[]> existing = this.jdbc.sql("select id, group_id, leader_id from round_group where round_id = ? and name = ?")
			.params(roundId, name)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (existing.isPresent()) {
			if (!leader.equals(existing.get()[2])) {
				throw new RectiflowException.Conflict("error.round.leaderDiffers", name,
						this.directory.displayName((String) existing.get()[2]));
			}
			roundGroupId = (Long) existing.get()[0];
			groupId = (String) existing.get()[1];
		}
		else {
			groupId = newGroupId(round);
			Group group = this.identityService.newGroup(groupId);
			group.setName("第" + round.number() + "轮" + name);
			group.setType(Groups.TYPE_INSPECTION_GROUP);
			this.identityService.saveGroup(group);
			this.jdbc.sql("insert into round_group (round_id, group_id, name, leader_id) values (?, ?, ?, ?)")
				.params(roundId, groupId, name, leader)
				.update();
			roundGroupId = this.jdbc.sql("select id from round_group where group_id = ?").param(groupId).query(Long.class).single();
		}
		for (String person : everyone) {
			if (!this.directory.isMember(person, groupId)
					&& this.identityService.createUserQuery().userId(person).memberOfGroup(groupId).count() == 0) {
				this.identityService.createMembership(person, groupId);
			}
		}
		this.units.addGroup(unit.getId(), groupId);
		this.jdbc.sql("insert into round_unit (round_id, unit_id, round_group_id) values (?, ?, ?)")
			.params(roundId, unit.getId(), roundGroupId)
			.update();
		return unitsOf(roundId, Set.of(unit.getId())).get(0);
	}

	private String newGroupId(Round round) {
		int seq = this.jdbc.sql("select count(*) from round_group where round_id = ?").param(round.id()).query(Integer.class).single();
		String id;
		do {
			id = "round" + round.number() + "group" + (++seq);
		}
		while (this.identityService.createGroupQuery().groupId(id).count() > 0);
		return id;
	}

	/** The units of the round with their groups, in the order they were assigned; all of them when {@code only} is null. */
	@Transactional(readOnly = true)
	public List<RoundUnit> unitsOf(long roundId, Collection<String> only) {
		if (only != null && only.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(ROUND_UNITS + " where ru.round_id = :round" + ((only == null) ? "" : " and ru.unit_id in (:units)")
				+ " order by ru.id")
			.param("round", roundId)
			.params((only == null) ? java.util.Map.of() : java.util.Map.of("units", only))
			.query(Rounds::roundUnit)
			.list();
	}

	/** The rounds in which any of these inspection groups inspects a unit. */
	@Transactional(readOnly = true)
	public Set<Long> roundsOfGroups(Collection<String> groupIds) {
		if (groupIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select distinct round_id from round_group where group_id in (:groups)")
			.param("groups", groupIds)
			.query(Long.class)
			.list());
	}

	/** The members of an inspection group (its leader among them), by user id. */
	@Transactional(readOnly = true)
	public List<String> membersOf(String groupId) {
		return this.identityService.createUserQuery()
			.memberOfGroup(groupId)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map((u) -> u.getId())
			.toList();
	}

	/** A round's inspection of one unit as the round page shows it. */
	public record RoundInspection(long id, String unitId, String title, String status, int problems,
			java.time.Instant handedOverAt) {

		public boolean withGroup() {
			return this.handedOverAt == null;
		}

	}

	/** The inspections registered in the round, by unit, with their problem counts, in one query. */
	@Transactional(readOnly = true)
	public java.util.Map<String, RoundInspection> inspectionsOf(long roundId) {
		java.util.Map<String, RoundInspection> byUnit = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select i.id, i.unit_id, i.title, i.status, i.handed_over_at,
				       (select count(*) from problem p where p.inspection_id = i.id) as problems
				from inspection i where i.round_id = ? order by i.id
				""")
			.param(roundId)
			.query((rs, n) -> new RoundInspection(rs.getLong("id"), rs.getString("unit_id"), rs.getString("title"),
					rs.getString("status"), rs.getInt("problems"),
					(rs.getTimestamp("handed_over_at") == null) ? null : rs.getTimestamp("handed_over_at").toInstant()))
			.list()
			.forEach((ri) -> byUnit.putIfAbsent(ri.unitId(), ri));
		return byUnit;
	}

	static Round round(ResultSet rs, int n) throws SQLException {
		return new Round(rs.getLong("id"), rs.getInt("number"), rs.getString("name"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class));
	}

	static RoundUnit roundUnit(ResultSet rs, int n) throws SQLException {
		return new RoundUnit(rs.getLong("round_id"), rs.getString("unit_id"), rs.getString("unit_name"),
				rs.getLong("round_group_id"), rs.getString("group_id"), rs.getString("group_name"),
				rs.getString("leader_id"));
	}

}
