package org.rectiflow.ledger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.ledger.LedgerQueries.Option;
import org.rectiflow.ledger.LedgerQueries.TaskOptions;
import org.rectiflow.task.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The task list's query-string contract: what is read, what is dropped, and the links that keep it. */
class TaskListQueryTests {

	static final TaskOptions OPTIONS = new TaskOptions(List.of(new Option("3", "1. 类别")), List.of(new Option("11", "1.1 问题")),
			List.of(new Option("logisticsDepartment", "后勤处")), List.of(new Option("secretary", "周书记")));

	@Test
	void shouldReadTheDashboardsLinks() {
		TaskListQuery query = TaskListQuery.parse(Map.of("department", "logisticsDepartment", "overdue", "true", "light", "yellow"),
				OPTIONS).query();

		assertThat(query.department()).isEqualTo("logisticsDepartment");
		assertThat(query.overdue()).isTrue();
		assertThat(query.light()).isEqualTo(TrafficLight.YELLOW);
		assertThat(query.filtered()).isTrue();
		assertThat(TaskListQuery.all().filtered()).isFalse();
	}

	@Test
	void shouldDropWhatItCannotReadAndSaySo() {
		TaskListQuery.Parsed parsed = TaskListQuery.parse(Map.of("status", "DONE", "light", "NONE", "size", "101", "page", "-1",
				"sort", "title", "dir", "up", "category", "4", "overdue", "yes"), OPTIONS);

		assertThat(parsed.query()).isEqualTo(TaskListQuery.all());
		assertThat(parsed.notices()).extracting(ListNotice::key)
			.containsExactlyInAnyOrder("ledger.lists.notice.ignored", "ledger.lists.notice.ignored",
					"ledger.lists.notice.ignored", "ledger.lists.notice.size", "ledger.lists.notice.page",
					"ledger.lists.notice.sort", "ledger.lists.notice.ignored", "ledger.lists.notice.ignored");
	}

	@Test
	void shouldCutAnOverlongSearchAndItsEcho() {
		TaskListQuery.Parsed parsed = TaskListQuery.parse(Map.of("q", "宿".repeat(300), "status", "X".repeat(300)), OPTIONS);

		assertThat(parsed.query().q()).hasSize(TaskListQuery.MAX_SEARCH_LENGTH);
		assertThat(parsed.notices()).extracting(ListNotice::key).contains("ledger.lists.notice.searchTooLong");
		assertThat(parsed.notices().stream().flatMap((n) -> List.of(n.args()).stream()).filter(String.class::isInstance)
			.map(String.class::cast))
			.allSatisfy((arg) -> assertThat(arg.length()).isLessThanOrEqualTo(41));
	}

	@Test
	void shouldKeepEveryFilterInItsLinksAndEncodeTheSearch() {
		TaskListQuery query = TaskListQuery.parse(Map.of("status", "NOT_COMPLETED", "q", "a+b & c=d", "sort", "deadline", "size", "50"),
				OPTIONS).query();

		String next = query.pageLink(1);
		assertThat(next).isEqualTo("?status=NOT_COMPLETED&q=a%2Bb+%26+c%3Dd&sort=deadline&page=1&size=50");
		assertThat(URLDecoder.decode(next.split("&")[1].substring(2), StandardCharsets.UTF_8)).isEqualTo("a+b & c=d");
		assertThat(TaskListQuery.all().pageLink(0)).isEqualTo("?");
	}

	@Test
	void shouldToggleTheDirectionOfTheColumnItIsSortedBy() {
		TaskListQuery byDeadline = TaskListQuery.parse(Map.of("sort", "deadline", "page", "3", "status", "LONG_TERM"), OPTIONS).query();

		assertThat(byDeadline.sortLink("deadline")).isEqualTo("?status=LONG_TERM&sort=deadline&dir=desc");
		assertThat(byDeadline.sortLink("code")).isEqualTo("?status=LONG_TERM");
		assertThat(byDeadline.sortedBy("deadline")).isEqualTo("asc");
		assertThat(byDeadline.sortedBy("code")).isNull();
		assertThat(byDeadline.status()).isEqualTo(TaskStatus.LONG_TERM);
		TaskListQuery descending = TaskListQuery.parse(Map.of("sort", "deadline", "dir", "desc"), OPTIONS).query();
		assertThat(descending.sortLink("deadline")).isEqualTo("?sort=deadline");
		assertThat(descending.sortedBy("deadline")).isEqualTo("desc");
	}

}
