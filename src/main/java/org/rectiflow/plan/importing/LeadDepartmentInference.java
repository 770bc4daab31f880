package org.rectiflow.plan.importing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.identity.Department;
import org.rectiflow.identity.UnitDepartment;

/**
 * Guesses a task's lead department from its text, for the rectification office to confirm while drafting:
 * <ol>
 * <li>a department named right before "牵头" (e.g. "后勤处牵头召开…");</li>
 * <li>else the first department named anywhere in the finding or the narrative (aliases count, e.g. 纪委 →
 * 纪检监察处);</li>
 * <li>else a keyword of the subject (食堂/宿舍 → 后勤处, 党支部/党员 → 组织部, …);</li>
 * <li>else 党政办公室, which coordinates whatever has no obvious owner.</li>
 * </ol>
 * Deterministic: the same text always gives the same department. A unit's departments are its own: the aliases and
 * keywords below are written for the reference college's names ({@link Department}, the first unit's seed) and apply
 * to any unit's department of that name (a school's 财务处 is found by 经费 too); a department of another name is found
 * by its name. Without a 党政办公室 the unit's first department coordinates.
 */
final class LeadDepartmentInference {

	/** Names and aliases as reports write them, longest first within a department (the seed's names). */
	private static final Map<Department, List<String>> NAMES = new LinkedHashMap<>();

	/** Subject keywords, tried in this order. */
	private static final Map<String, Department> KEYWORDS = new LinkedHashMap<>();

	static {
		NAMES.put(Department.PARTY_OFFICE, List.of("党政办公室", "党政办"));
		NAMES.put(Department.ORGANIZATION_DEPARTMENT, List.of("组织部"));
		NAMES.put(Department.DISCIPLINE_OFFICE, List.of("纪检监察处", "纪委", "纪检"));
		NAMES.put(Department.FINANCE_DEPARTMENT, List.of("财务处"));
		NAMES.put(Department.ASSET_DEPARTMENT, List.of("资产管理处", "招标办"));
		NAMES.put(Department.LOGISTICS_DEPARTMENT, List.of("后勤处"));
		NAMES.put(Department.ACADEMIC_AFFAIRS, List.of("教务处"));
		NAMES.put(Department.PERSONNEL_DEPARTMENT, List.of("人事处"));
		NAMES.put(Department.PUBLICITY_DEPARTMENT, List.of("宣传统战部"));
		NAMES.put(Department.RESEARCH_DEPARTMENT, List.of("科研处"));
		NAMES.put(Department.QUALITY_CONTROL, List.of("质量控制处"));
		NAMES.put(Department.IT_CENTER, List.of("信息技术中心"));
		NAMES.put(Department.CONSTRUCTION_DEPARTMENT, List.of("基建处"));
		NAMES.put(Department.CONTINUING_EDUCATION, List.of("继续教育学院"));
		KEYWORDS.put("食堂", Department.LOGISTICS_DEPARTMENT);
		KEYWORDS.put("宿舍", Department.LOGISTICS_DEPARTMENT);
		KEYWORDS.put("维修", Department.LOGISTICS_DEPARTMENT);
		KEYWORDS.put("党支部", Department.ORGANIZATION_DEPARTMENT);
		KEYWORDS.put("党员", Department.ORGANIZATION_DEPARTMENT);
		KEYWORDS.put("干部", Department.ORGANIZATION_DEPARTMENT);
		KEYWORDS.put("基层党建", Department.ORGANIZATION_DEPARTMENT);
		KEYWORDS.put("思政", Department.PUBLICITY_DEPARTMENT);
		KEYWORDS.put("意识形态", Department.PUBLICITY_DEPARTMENT);
		KEYWORDS.put("网络", Department.PUBLICITY_DEPARTMENT);
		KEYWORDS.put("教学", Department.ACADEMIC_AFFAIRS);
		KEYWORDS.put("课程", Department.ACADEMIC_AFFAIRS);
		KEYWORDS.put("学业", Department.ACADEMIC_AFFAIRS);
		KEYWORDS.put("经费", Department.FINANCE_DEPARTMENT);
		KEYWORDS.put("预算", Department.FINANCE_DEPARTMENT);
		KEYWORDS.put("财务", Department.FINANCE_DEPARTMENT);
		KEYWORDS.put("报账", Department.FINANCE_DEPARTMENT);
		KEYWORDS.put("招标", Department.ASSET_DEPARTMENT);
		KEYWORDS.put("采购", Department.ASSET_DEPARTMENT);
		KEYWORDS.put("合同", Department.ASSET_DEPARTMENT);
		KEYWORDS.put("房屋", Department.ASSET_DEPARTMENT);
		KEYWORDS.put("廉政", Department.DISCIPLINE_OFFICE);
		KEYWORDS.put("办案", Department.DISCIPLINE_OFFICE);
		KEYWORDS.put("职称", Department.PERSONNEL_DEPARTMENT);
		KEYWORDS.put("招聘", Department.PERSONNEL_DEPARTMENT);
		KEYWORDS.put("人事", Department.PERSONNEL_DEPARTMENT);
	}

	/** The first unit's departments as seeded: what a report is read against when no unit's directory is given. */
	static final List<UnitDepartment> SEED = Arrays.stream(Department.values())
		.map((d) -> new UnitDepartment(d.groupId(), d.displayName(), null))
		.toList();

	private LeadDepartmentInference() {
	}

	/** The names each of the unit's departments goes by in reports, which a plan workbook may use as well. */
	static Map<String, List<String>> names(List<UnitDepartment> departments) {
		Map<String, List<String>> names = new LinkedHashMap<>();
		for (UnitDepartment d : departments) {
			names.put(d.groupId(), seed(d.name()).map(NAMES::get).orElse(List.of(d.name())));
		}
		return names;
	}

	/** The seed department of this name, whose aliases and keywords apply to a unit's department of that name. */
	private static Optional<Department> seed(String name) {
		return NAMES.keySet().stream().filter((d) -> d.displayName().equals(name)).findFirst();
	}

	/** The unit's department of a seed department's name. */
	private static String named(List<UnitDepartment> departments, Department seed) {
		return departments.stream()
			.filter((d) -> d.name().equals(seed.displayName()))
			.map(UnitDepartment::groupId)
			.findFirst()
			.orElse(null);
	}

	/** The group id of the unit's department the text points to; {@code null} only for a unit without departments. */
	static String infer(String finding, String narrative, List<UnitDepartment> departments) {
		String text = finding + "\n" + narrative;
		Map<String, List<String>> names = names(departments);
		String leading = null;
		int leadingAt = Integer.MAX_VALUE;
		for (Map.Entry<String, List<String>> e : names.entrySet()) {
			for (String name : e.getValue()) {
				int at = text.indexOf(name + "牵头");
				if (at >= 0 && at < leadingAt) {
					leading = e.getKey();
					leadingAt = at;
				}
			}
		}
		if (leading != null) {
			return leading;
		}
		String first = null;
		int firstAt = Integer.MAX_VALUE;
		for (Map.Entry<String, List<String>> e : names.entrySet()) {
			for (String name : e.getValue()) {
				int at = text.indexOf(name);
				if (at >= 0 && at < firstAt) {
					first = e.getKey();
					firstAt = at;
				}
			}
		}
		if (first != null) {
			return first;
		}
		for (String part : List.of(finding, narrative)) {
			for (Map.Entry<String, Department> e : KEYWORDS.entrySet()) {
				String department = part.contains(e.getKey()) ? named(departments, e.getValue()) : null;
				if (department != null) {
					return department;
				}
			}
		}
		String coordinating = named(departments, Department.PARTY_OFFICE);
		return (coordinating != null || departments.isEmpty()) ? coordinating : departments.get(0).groupId();
	}

}
