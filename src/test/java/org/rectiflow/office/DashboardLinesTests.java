package org.rectiflow.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.office.OfficeViews.DashboardRow;
import org.rectiflow.office.OfficeViews.PlanState;
import org.rectiflow.system.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the office's dashboard shows of a row beyond its figures, made once per row in Java rather than by the
 * template (the page has a row per inspection of hundreds of units): the state's name in the reader's language, the
 * days since filing, and which links the row has, under the application's context path.
 */
class DashboardLinesTests {

	private final Messages messages = new Messages(bundles());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theOfficeGetsTheLedgerChartsAndRoundOfAHandedOverInspection() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		OfficePageController.Line line = only(row(7L, PlanState.RECTIFYING, 3L, 12), true, "/rf");
		assertThat(line.stateName()).isEqualTo("整改中");
		assertThat(line.stateClass()).isEqualTo("tag state RECTIFYING");
		assertThat(line.days()).isEqualTo("12");
		assertThat(line.ledger()).isEqualTo("/rf/inspections/7");
		assertThat(line.charts()).isEqualTo("/rf/inspections/7/dashboard");
		assertThat(line.round()).isEqualTo("/rf/office/rounds/3");
	}

	@Test
	void feedbackStillWithTheGroupHasNoLedgerYetAndNoFilingDays() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		OfficePageController.Line line = only(row(8L, PlanState.WITH_GROUP, 3L, null), true, "");
		assertThat(line.stateName()).isEqualTo("反馈意见在巡察组（待移交）");
		assertThat(line.days()).isEqualTo("—");
		assertThat(line.ledger()).isNull();
		assertThat(line.charts()).isNull();
		assertThat(line.round()).isEqualTo("/office/rounds/3");
	}

	@Test
	void anInspectionGroupGetsNoLedgerLinkAndAnInspectionOfNoRoundNoRoundLink() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		OfficePageController.Line line = only(row(9L, PlanState.FILING, null, null), false, "");
		assertThat(line.stateName()).isEqualTo(this.messages.get(Locale.ENGLISH, "office.state.FILING"))
			.isNotEqualTo(this.messages.get(Locale.SIMPLIFIED_CHINESE, "office.state.FILING"));
		assertThat(line.ledger()).isNull();
		assertThat(line.charts()).isNull();
		assertThat(line.round()).isNull();
	}

	@Test
	void everyRowOfAStateGetsThatStatesNameAndTheOrderIsKept() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		List<OfficePageController.Line> lines = OfficePageController.Line.of(List.of(row(1L, PlanState.CLOSED, null, 90),
				row(2L, PlanState.DRAFTING, null, null), row(3L, PlanState.CLOSED, null, 80)), true, "", this.messages);
		assertThat(lines).extracting((l) -> l.row().inspectionId()).containsExactly(1L, 2L, 3L);
		assertThat(lines).extracting(OfficePageController.Line::stateName)
			.containsExactly("已结项", "起草整改方案", "已结项");
	}

	private OfficePageController.Line only(DashboardRow row, boolean office, String contextPath) {
		List<OfficePageController.Line> lines = OfficePageController.Line.of(List.of(row), office, contextPath,
				this.messages);
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private static DashboardRow row(Long id, PlanState state, Long roundId, Integer days) {
		return new DashboardRow(id, "unitX", "某学院党委", "巡察反馈", roundId, state, 10, 4, 1, 2, 3, 0,
				(days == null) ? null : LocalDate.now().minusDays(days), days);
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
