package org.rectiflow.tasklist;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's to-do list: the submissions with a deadline come first, soonest first, then the work without a due
 * date (the supervision's self-check), whichever database sorts nulls where.
 */
@SpringBootTest
@ActiveProfiles("test")
class WorkQueueTests {

	@Autowired
	WorkQueue queue;

	@Autowired
	ProcessDriver driver;

	@Test
	void shouldListDatedWorkBeforeUndatedWorkAndCountBoth() {
		this.driver.filePlan(this.driver.register(TestFeedback.small("待办排序测试")).getId());

		WorkQueue.Page<WorkQueue.Todo> all = this.queue.todos("logisticsDepartmentStaff", List.of("logisticsDepartment"),
				1000);
		assertThat(all.items()).hasSize((int) all.total());
		assertThat(all.items()).anyMatch((t) -> t.due() == null).anyMatch((t) -> t.due() != null);
		int firstUndated = all.items().stream().map(WorkQueue.Todo::due).toList().indexOf(null);
		assertThat(all.items().subList(firstUndated, all.items().size())).allMatch((t) -> t.due() == null);
		assertThat(all.items().subList(0, firstUndated)).extracting(WorkQueue.Todo::due).isSorted();

		WorkQueue.Page<WorkQueue.Todo> first = this.queue.todos("logisticsDepartmentStaff", List.of("logisticsDepartment"),
				2);
		assertThat(first.items()).hasSize(2).allMatch((t) -> t.due() != null);
		assertThat(first.total()).isEqualTo(all.total());
	}

}
