package org.rectiflow.recheck;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.CrossUnits;
import org.rectiflow.identity.Groups;
import org.rectiflow.round.Round;
import org.rectiflow.round.RoundUnit;
import org.rectiflow.round.Rounds;
import org.rectiflow.system.RectiflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who re-checks a unit's closed tasks: its inspection group of the latest round that inspected it (the glossary's
 * re-checker), and the inspection office for a unit no round has inspected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoundReCheckGroupsTests {

	@Autowired
	ReCheckGroups groups;

	@Autowired
	Rounds rounds;

	@Autowired
	CrossUnits crossUnits;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void removePeople() {
		this.crossUnits.removePeople();
	}

	@Test
	void theUnitsGroupOfItsLatestRoundReChecksAndTheOfficeWhereNoRoundInspectedIt() {
		String inspected = this.crossUnits.unit("反向核查组别测试甲");
		String notInspected = this.crossUnits.unit("反向核查组别测试乙");
		String leader = "reCheckGroupLeader" + Long.toString(System.nanoTime(), 36);
		User user = this.identityService.newUser(leader);
		user.setLastName("核查组长");
		this.identityService.saveUser(user);
		try {
			Round one = newRound();
			Round two = newRound();
			Round earlier = (one.number() < two.number()) ? one : two;
			Round later = (earlier == one) ? two : one;
			RoundUnit first = this.rounds.assign(earlier.id(), inspected, "第一巡察组", leader, List.of());
			assertThat(this.groups.candidateGroup(inspected)).isEqualTo(first.groupId());
			RoundUnit second = this.rounds.assign(later.id(), inspected, "第二巡察组", leader, List.of());
			assertThat(this.groups.candidateGroup(inspected)).as("the latest round's group")
				.isEqualTo(second.groupId())
				.isNotEqualTo(first.groupId());
			assertThat(this.groups.candidateGroup(notInspected)).isEqualTo(Groups.INSPECTION_OFFICE);
		}
		finally {
			this.identityService.deleteUser(leader);
		}
	}

	private Round newRound() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int number = ThreadLocalRandom.current().nextInt(500, 1000);
			try {
				return this.rounds.create(number, "第" + number + "轮巡察", LocalDate.now().minusMonths(1), LocalDate.now(),
						"reCheckGroupsTests");
			}
			catch (RectiflowException.Conflict taken) {
				// another test's round has that number
			}
		}
		throw new IllegalStateException("no free round number");
	}

}
