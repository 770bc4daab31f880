package org.rectiflow.plan.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectiflow.identity.Department;

/**
 * Guesses a task's lead department from its text, for the rectification office to confirm while drafting:
 * <ol>
 * <li>a department named right before "牵头" (e.g. "后勤处牵头召开…");</li>
 * <li>else the first department named anywhere in the finding or the narrative (aliases count, e.g. 纪委 →
 * 纪检监察处);</li>
 * <li>else a keyword of the subject (食堂/宿舍 → 后勤处, 党支部/党员 → 组织部, …);</li>
 * <li>else 党政办公室, which coordinates whatever has no obvious owner.</li>
 * </ol>
 * Deterministic: the same text always gives the same department.
 */
final class LeadDepartmentInference {

	/** Names and aliases as reports write them, longest first within a department. */
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

	private LeadDepartmentInference() {
	}

	/** The names and aliases each department goes by in reports, which a plan workbook may use as well. */
	static Map<Department, List<String>> names() {
		return Collections.unmodifiableMap(NAMES);
	}

	static Department infer(String finding, String narrative) {
		String text = finding + "\n" + narrative;
		Department leading = null;
		int leadingAt = Integer.MAX_VALUE;
		for (Map.Entry<Department, List<String>> e : NAMES.entrySet()) {
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
		Department first = null;
		int firstAt = Integer.MAX_VALUE;
		for (Map.Entry<Department, List<String>> e : NAMES.entrySet()) {
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
		for (Map.Entry<String, Department> e : KEYWORDS.entrySet()) {
			if (finding.contains(e.getKey())) {
				return e.getValue();
			}
		}
		for (Map.Entry<String, Department> e : KEYWORDS.entrySet()) {
			if (narrative.contains(e.getKey())) {
				return e.getValue();
			}
		}
		return Department.PARTY_OFFICE;
	}

}
