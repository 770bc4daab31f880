package org.rectiflow.repeat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.plan.importing.ParsedReport;
import org.rectiflow.plan.importing.ReportParser;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat-problem measure calibrated on real wording: the reference case's problems (title and the findings of
 * their tasks, as registered) against a later round's rewording of each, its titles alone, and unrelated problems of
 * the same kind of inspection, some close in subject on purpose (基建招标 beside 招投标, 因公出国 beside 因私出国,
 * 继续教育 beside 继续教育学院的合同). Plain JUnit: no Spring.
 */
class RepeatSimilarityTests {

	/** A later round's wording of each of the reference case's 13 problems, in their order. */
	static final List<String> REWORDED = List.of(
			"政治建设仍有差距。党委理论学习中心组对习近平总书记重要讲话精神学习不及时、不系统，学用结合不紧，对上级政治要求贯彻落实打折扣",
			"立德树人根本任务落实不够扎实。‘三全育人’综合改革推进缓慢，思政课教师和辅导员配备不足，师德师风建设存在薄弱环节，学风建设有待加强",
			"以人民为中心的发展思想践行不够。师生急难愁盼问题解决不及时，学生食堂就餐拥挤，宿舍报修后维修拖延，学生反映强烈",
			"党委领导下的校长负责制落实不到位。‘三重一大’事项决策程序不规范，党委会与校长办公会议事范围不清，民主集中制执行不严格",
			"意识形态工作责任制落实不力。党委专题研究意识形态工作次数偏少，二级学院党组织压力传导不够，网络阵地管理制度缺失，学生网络诈骗案件多发",
			"党委履行全面从严治党主体责任不到位。以纪委监督责任代替党委主体责任，主体责任清单和‘一岗双责’清单未建立，‘四责协同’机制没有形成",
			"纪委‘三转’不到位，参与议事协调机构过多，监督执纪制度化建设滞后，办案程序不规范，处分决定执行和以案促改工作不够",
			"纪律规矩意识淡薄。校领导安排专项公务费用，违规发放各类劳务费和津补贴，公务接待和差旅报销违反中央八项规定精神",
			"重点领域廉洁风险突出。资金出借未经集体研究，食堂档口和文印室未公开招标，合同管理不规范，二级单位擅自对外签订合同",
			"领导班子自身建设不强。内部治理体系不健全，学术委员会作用发挥不够，科研经费、财务报账等管理制度缺失，信息系统重复建设不能互联互通",
			"干部人才队伍建设滞后。选人用人程序不规范，中层干部岗位长期空缺、混岗现象突出，职称评审条件设置过高，干部人事档案管理混乱",
			"基层党建工作虚化弱化。二级学院党组织议事规则不健全，党支部设置不合理，组织生活会缺少批评与自我批评，发展党员未按规定表决，党费收缴不规范",
			"上轮巡察和审计反馈问题整改不彻底。部分问题应付式整改、边改边犯，以制度代替整改，津补贴、绩效工资超标发放和预算管理问题反弹");

	/** Titles alone, as a group may name a repeat in one line, with the index of the problem they repeat. */
	static final List<String> TITLES = List.of("0:政治建设仍存在明显差距", "1:立德树人工作落实不实", "2:以人民为中心的发展理念树立不牢",
			"3:校长负责制执行不到位", "4:意识形态工作责任落实不到位", "7:纪律规矩意识仍然不强", "11:基层党建工作虚化弱化问题依然存在");

	static final List<String> UNRELATED = List.of("校园安全管理存在隐患。实验室危险化学品管理台账不全，消防设施老化，安全演练流于形式",
			"招生工作监督不到位。单独招生考试组织不严密，招生宣传存在夸大承诺", "科研诚信建设不够。论文查重和学术不端调查机制不健全，科研成果转化率低",
			"国有资产管理不规范。固定资产账实不符，闲置设备未及时处置，房屋出租未经评估",
			"校企合作项目管理松散。合作协议约定不明确，实习学生权益保障不到位，顶岗实习存在收费现象",
			"基建工程管理不规范。工程变更签证随意，结算审计滞后，部分项目未批先建",
			"统战工作重视不够。党外代表人士队伍建设滞后，民主党派基层组织活动经费保障不足", "离退休人员服务保障不到位。老干部活动场所不足，走访慰问制度未落实",
			"信息公开工作不规范。学校信息公开目录更新不及时，收费项目和标准未按规定公示",
			"工会和教代会作用发挥不充分。教代会提案办理答复不及时，教职工参与民主管理渠道不畅", "后勤服务社会化改革推进缓慢。物业服务外包监管不到位，服务质量考核流于形式",
			"继续教育办学管理混乱。校外教学点审批不严，合作办学收费分成不规范", "档案管理工作薄弱。学校综合档案室库房条件不达标，重要文件材料归档不及时",
			"对外交流合作管理不严。因公出国（境）审批把关不严，外事活动经费使用不规范", "图书馆资源建设投入不足。电子文献资源采购论证不充分，纸质图书借阅率低");

	static List<Set<String>> earlier;

	@BeforeAll
	static void theReferenceCasesProblems() throws Exception {
		ParsedReport report;
		try (InputStream in = new ClassPathResource("seeds/hunan-reference-case.txt").getInputStream()) {
			report = new ReportParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		earlier = new ArrayList<>();
		for (ParsedReport.ParsedCategory category : report.categories()) {
			for (ParsedReport.ParsedProblem problem : category.problems()) {
				List<String> findings = problem.tasks().stream().map(ParsedReport.ParsedTask::finding).toList();
				earlier.add(ProblemBigrams.of(RepeatProblems.text(problem.title(), findings)));
			}
		}
		// The report's count sentence says 14; its body numbers 13 (ReportParserTests).
		assertThat(earlier).hasSize(13);
	}

	/** What the measure flags for each candidate: true positives, false positives, missed repeats. */
	record Tally(int truePositives, int falsePositives, int missed) {

		double precision() {
			return (double) this.truePositives / Math.max(1, this.truePositives + this.falsePositives);
		}

		double recall(int repeats) {
			return (double) this.truePositives / repeats;
		}

	}

	private static Tally tally(List<String> candidates, List<Integer> truth) {
		int tp = 0;
		int fp = 0;
		int missed = 0;
		for (int i = 0; i < candidates.size(); i++) {
			Set<String> candidate = ProblemBigrams.of(candidates.get(i));
			Integer repeats = truth.get(i);
			boolean found = false;
			for (int j = 0; j < earlier.size(); j++) {
				if (RepeatSimilarity.isRepeat(candidate, earlier.get(j))) {
					if (repeats != null && repeats == j) {
						tp++;
						found = true;
					}
					else {
						fp++;
					}
				}
			}
			if (repeats != null && !found) {
				missed++;
			}
		}
		return new Tally(tp, fp, missed);
	}

	@Test
	void shouldFlagEveryRewordedProblemAsARepeatOfItsOriginalAndNothingElse() {
		List<Integer> truth = new ArrayList<>();
		for (int i = 0; i < REWORDED.size(); i++) {
			truth.add(i);
		}
		Tally tally = tally(REWORDED, truth);
		System.out.printf("reworded: precision %.2f, recall %.2f (%s)%n", tally.precision(), tally.recall(13), tally);
		assertThat(tally.precision()).isEqualTo(1.0);
		assertThat(tally.missed()).isZero();
	}

	@Test
	void shouldFlagARepeatNamedByItsTitleAlone() {
		List<String> titles = TITLES.stream().map((t) -> t.substring(t.indexOf(':') + 1)).toList();
		List<Integer> truth = TITLES.stream().map((t) -> Integer.valueOf(t.substring(0, t.indexOf(':')))).toList();
		Tally tally = tally(titles, truth);
		System.out.printf("titles: precision %.2f, recall %.2f (%s)%n", tally.precision(), tally.recall(titles.size()), tally);
		assertThat(tally.precision()).isEqualTo(1.0);
		assertThat(tally.missed()).isZero();
	}

	@Test
	void shouldNotFlagUnrelatedProblemsOfTheSameKindOfInspection() {
		List<Integer> truth = new ArrayList<>();
		UNRELATED.forEach((u) -> truth.add(null));
		Tally tally = tally(UNRELATED, truth);
		assertThat(tally.falsePositives()).isZero();
	}

	@Test
	void shouldScoreTheSameProblemOneAndLeaveDigitsAndPunctuationOut() {
		Set<String> a = ProblemBigrams.of("2022年学生食堂18个特色档口未公开招标");
		assertThat(a).doesNotContain("20", "22", "18").contains("食堂", "招标");
		assertThat(RepeatSimilarity.score(a, ProblemBigrams.of("2019年，学生食堂8个特色档口未公开招标！"))).isEqualTo(1.0);
		assertThat(RepeatSimilarity.score(a, Set.of())).isZero();
	}

	@Test
	void shouldIgnoreTheBoilerplateOfEveryFeedback() {
		assertThat(ProblemBigrams.of("学校党委工作存在问题")).doesNotContain("学校", "党委", "工作", "存在", "问题");
		// Four shared bigrams of everyday wording are not a repeat.
		assertThat(RepeatSimilarity.isRepeat(ProblemBigrams.of("立德树人工作落实不实"),
				ProblemBigrams.of("意识形态工作落实不到位"))).isFalse();
	}

	@Test
	void shouldStoreAndReadBackTheBigrams() {
		Set<String> bigrams = ProblemBigrams.of("宿舍日常维修不及时，学生意见大");
		assertThat(ProblemBigrams.decode(ProblemBigrams.encode(bigrams))).isEqualTo(bigrams);
	}

	/**
	 * What registration costs with a long history: 13 new problems against 10 000 stored ones (a unit after many
	 * rounds holds a few hundred; this is the whole province's worth), decoded from their stored form as
	 * {@link RepeatProblems#flag} does.
	 */
	@Test
	void shouldCompareANewRoundWithTenThousandEarlierProblemsQuickly() {
		List<String> stored = new ArrayList<>();
		List<Set<String>> pool = new ArrayList<>(earlier);
		UNRELATED.forEach((u) -> pool.add(ProblemBigrams.of(u)));
		for (int i = 0; i < 10_000; i++) {
			stored.add(ProblemBigrams.encode(pool.get(i % pool.size())));
		}
		List<int[]> candidates = REWORDED.stream().map((r) -> ProblemBigrams.codes(ProblemBigrams.of(r))).toList();
		long started = System.nanoTime();
		List<int[]> decoded = stored.stream().map(ProblemBigrams::codes).toList();
		long decodedAt = System.nanoTime();
		int matches = 0;
		for (int[] candidate : candidates) {
			for (int[] other : decoded) {
				matches += RepeatSimilarity.isRepeat(candidate, other) ? 1 : 0;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("13 x 10000: decoding %d ms, comparing %d ms, %d matches%n", (decodedAt - started) / 1_000_000,
				(System.nanoTime() - decodedAt) / 1_000_000, matches);
		assertThat(matches).isPositive();
		// A bound for a cold JVM on a shared build machine, not a benchmark: the figure printed is what docs/UNITS.md gives.
		assertThat(millis).isLessThan(5000);
	}

}
