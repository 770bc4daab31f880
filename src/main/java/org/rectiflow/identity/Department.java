package org.rectiflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The departments that carry out rectification tasks. Each is a Camunda group of type {@code DEPARTMENT}; the
 * group id is what tasks and process variables store, the Chinese name is what people read.
 */
public enum Department {

	PARTY_OFFICE("partyOffice", "党政办公室"),
	ORGANIZATION_DEPARTMENT("organizationDepartment", "组织部"),
	DISCIPLINE_OFFICE("disciplineOffice", "纪检监察处"),
	FINANCE_DEPARTMENT("financeDepartment", "财务处"),
	ASSET_DEPARTMENT("assetDepartment", "资产管理处"),
	LOGISTICS_DEPARTMENT("logisticsDepartment", "后勤处"),
	ACADEMIC_AFFAIRS("academicAffairs", "教务处"),
	PERSONNEL_DEPARTMENT("personnelDepartment", "人事处"),
	PUBLICITY_DEPARTMENT("publicityDepartment", "宣传统战部"),
	RESEARCH_DEPARTMENT("researchDepartment", "科研处"),
	QUALITY_CONTROL("qualityControl", "质量控制处"),
	IT_CENTER("itCenter", "信息技术中心"),
	CONSTRUCTION_DEPARTMENT("constructionDepartment", "基建处"),
	CONTINUING_EDUCATION("continuingEducation", "继续教育学院");

	private final String groupId;

	private final String displayName;

	Department(String groupId, String displayName) {
		this.groupId = groupId;
		this.displayName = displayName;
	}

	public String groupId() {
		return this.groupId;
	}

	public String displayName() {
		return this.displayName;
	}

	public static Optional<Department> byGroupId(String groupId) {
		return Arrays.stream(values()).filter((d) -> d.groupId.equals(groupId)).findFirst();
	}

	/** The Chinese name of a department group, or the id itself for a group we do not know. */
	public static String nameOf(String groupId) {
		return byGroupId(groupId).map(Department::displayName).orElse(groupId);
	}

}
