package org.rectiflow.identity;

import java.util.List;

/**
 * The people of the demo unit. Every account's password is {@value #PASSWORD}; the README lists them.
 */
public final class DemoAccounts {

	public static final String PASSWORD = "demo";

	public static final String SECRETARY = "secretary";

	public static final String PRESIDENT = "president";

	public static final String DEPUTY_SECRETARY = "deputySecretary";

	public static final String VICE_PRESIDENT_FINANCE = "vicePresidentFinance";

	public static final String VICE_PRESIDENT_ACADEMIC = "vicePresidentAcademic";

	public static final String VICE_PRESIDENT_LOGISTICS = "vicePresidentLogistics";

	public static final String DISCIPLINE_SECRETARY = "disciplineSecretary";

	public static final String DISCIPLINE_OFFICER = "disciplineOfficer";

	public static final String RECTIFICATION_CLERK = "rectificationClerk";

	public static final String INSPECTOR = "inspector";

	public static final String ADMIN = "admin";

	/** A demo account: id, surname, given name (the role), groups. */
	public record Account(String id, String lastName, String firstName, List<String> groups) {
	}

	public static final List<Account> LEADERSHIP = List.of(
			new Account(SECRETARY, "周", "书记", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE, Groups.PARTY_SECRETARY)),
			new Account(PRESIDENT, "李", "校长", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE)),
			new Account(DEPUTY_SECRETARY, "陈", "副书记", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE)),
			new Account(VICE_PRESIDENT_FINANCE, "赵", "副校长", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE)),
			new Account(VICE_PRESIDENT_ACADEMIC, "孙", "副校长", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE)),
			new Account(VICE_PRESIDENT_LOGISTICS, "吴", "副校长", List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE)),
			new Account(DISCIPLINE_SECRETARY, "郑", "纪委书记",
					List.of(Groups.LEADERS, Groups.PARTY_COMMITTEE, Groups.DISCIPLINE)));

	public static final List<Account> STAFF = List.of(
			new Account(DISCIPLINE_OFFICER, "钱", "纪检干部", List.of(Groups.DISCIPLINE, Department.DISCIPLINE_OFFICE.groupId())),
			new Account(RECTIFICATION_CLERK, "黄", "整改办干事", List.of(Groups.RECTIFICATION_OFFICE)),
			new Account(INSPECTOR, "刘", "巡察办干部", List.of(Groups.INSPECTION_OFFICE)),
			new Account(ADMIN, "系统", "管理员", List.of(Groups.CAMUNDA_ADMIN)));


	/** One clerk per department, e.g. {@code logisticsDepartmentStaff}. */
	public static String staffOf(Department department) {
		return department.groupId() + "Staff";
	}

	private DemoAccounts() {
	}

}
