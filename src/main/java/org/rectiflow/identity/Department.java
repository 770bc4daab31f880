package org.rectiflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The first unit's departments, as the reference college names them: the seed {@link IdentityBootstrap} creates (an
 * upgraded installation keeps exactly these group ids and names) and the demo's department clerks. Each is a Camunda
 * group of type {@code DEPARTMENT} with a group-tenant membership of the first unit. Every other unit has departments
 * of its own, onboarded with its directory: code that names, lists or checks departments asks {@link Directory}, never
 * this list.
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

	/** The position of a seeded department, which orders the first unit's lists; any other group comes after. */
	public static int seedRank(String groupId) {
		return byGroupId(groupId).map(Enum::ordinal).orElse(values().length);
	}

}
