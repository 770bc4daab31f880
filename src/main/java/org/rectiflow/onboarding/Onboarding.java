package org.rectiflow.onboarding;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.engine.Unauthenticated;
import org.rectiflow.identity.AuthorizationBootstrap;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.UnitDepartment;
import org.rectiflow.system.Messages;
import org.rectiflow.system.WorkbookError;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * Onboards a unit (issue 18): its row and tenant, its departments (groups of type {@code DEPARTMENT} with ids unique
 * across units, e.g. {@code unit2Dept03}, named as the unit names them, group members of its tenant, granted what every
 * department is), its people (users, user members of its tenant, members of their department and of the role groups
 * of their roles). All in the caller's transaction with the engine's identity tables: either the whole directory is
 * created, or, when anything is wrong, nothing, and every error is reported where it is (see {@link Where}).
 * <p>
 * Each person gets a one-time initial password, generated here (SecureRandom, 12 characters), stored only as the
 * engine's salted hash and shown once to the administrator, who hands it over; the demo gives its people the demo
 * password instead ({@code demo/DemoDataLoader}). Account ids are the engine's user ids: letters and digits (the
 * engine's resource id pattern), unique across every unit.
 */
@Service
public class Onboarding {

	static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9]{1,64}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final int MAX_NAME = 64;

	static final int MAX_UNIT_NAME = 200;

	static final int MAX_SHORT_NAME = 100;

	private static final Pattern UNIT_NUMBER = Pattern.compile("unit(\\d{1,9})");

	private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final int PASSWORD_LENGTH = 12;

	/** An account created, with the initial password to hand over (shown once, kept nowhere in clear). */
	public record Account(String account, String name, String department, List<String> roles, String initialPassword) {
	}

	/** What was created. */
	public record Onboarded(Unit unit, List<UnitDepartment> departments, List<Account> accounts) {
	}

	private final IdentityService identityService;

	private final Units units;

	private final Directory directory;

	private final AuthorizationBootstrap grants;

	private final DirectoryWorkbook workbook;

	private final JdbcTemplate jdbc;

	private final Messages messages;

	private final SecureRandom random = new SecureRandom();

	Onboarding(IdentityService identityService, Units units, Directory directory, AuthorizationBootstrap grants,
			DirectoryWorkbook workbook, JdbcTemplate jdbc, Messages messages) {
		this.workbook = workbook;
		this.jdbc = jdbc;
		this.messages = messages;
		this.identityService = identityService;
		this.units = units;
		this.directory = directory;
		this.grants = grants;
	}

	/**
	 * Onboards the unit given by the form or the API, each person with a generated one-time password; errors name the
	 * section, line and field in {@code locale}.
	 */
	@Transactional
	public Onboarded onboard(UnitDirectory directory, Locale locale) {
		return create(directory, formWhere(locale), null);
	}

	/** Onboards the unit of a directory workbook; errors name the sheet, row and column. */
	@Transactional
	public Onboarded onboardWorkbook(byte[] bytes, Locale locale) {
		DirectoryWorkbook.Read read = this.workbook.read(bytes, locale);
		return create(read.directory(), read.where(), null);
	}

	/** As {@link #onboardWorkbook}, one password for everyone: only the demo does, with the demo password. */
	@Transactional
	public Onboarded onboardWorkbookWithPassword(byte[] bytes, String password) {
		DirectoryWorkbook.Read read = this.workbook.read(bytes, Messages.DEFAULT_LOCALE);
		return create(read.directory(), read.where(), password);
	}

	/** The form's section, line and field. */
	Where formWhere(Locale locale) {
		return (field, entry, key, args) -> new WorkbookError(this.messages.get(locale, field.sheet.key),
				(entry == null) ? null : entry + 1, this.messages.get(locale, field.key), key, args);
	}

	Onboarded create(UnitDirectory d, Where where, String password) {
		List<WorkbookError> errors = check(d, where);
		if (!errors.isEmpty()) {
			throw new DirectoryException(errors);
		}
		forgetAfterCommit();
		Unit unit = this.units.create(nextUnitId(), d.name().strip(), StringUtils.hasText(d.shortName()) ? d.shortName().strip() : null);
		this.units.addGroup(unit.getId(), Groups.INSPECTION_OFFICE);
		Map<String, String> departmentIds = new HashMap<>();
		List<UnitDepartment> departments = new ArrayList<>();
		int n = 0;
		for (UnitDirectory.Department department : d.departments()) {
			String id;
			do {
				id = String.format("%sDept%02d", unit.getId(), ++n);
			}
			while (groupExists(id));
			Group group = this.identityService.newGroup(id);
			group.setName(department.name().strip());
			group.setType(Groups.TYPE_DEPARTMENT);
			this.identityService.saveGroup(group);
			this.identityService.createTenantGroupMembership(unit.getId(), id);
			this.grants.grantDepartment(id);
			departmentIds.put(department.name().strip(), id);
			departments.add(new UnitDepartment(id, department.name().strip(), unit.getId()));
		}
		List<Account> accounts = new ArrayList<>();
		for (UnitDirectory.Person person : d.people()) {
			String account = person.account().strip();
			String initial = (password != null) ? password : generatedPassword();
			User user = this.identityService.newUser(account);
			// Chinese names read surname first: the whole name goes where the webapps show it first.
			user.setFirstName(person.name().strip());
			user.setLastName("");
			if (StringUtils.hasText(person.email())) {
				user.setEmail(person.email().strip());
			}
			user.setPassword(initial);
			this.identityService.saveUser(user);
			this.identityService.createTenantUserMembership(unit.getId(), account);
			String departmentName = StringUtils.hasText(person.department()) ? person.department().strip() : null;
			if (departmentName != null) {
				this.identityService.createMembership(account, departmentIds.get(departmentName));
			}
			Set<String> roleGroups = new LinkedHashSet<>();
			person.roles().stream().filter(StringUtils::hasText).forEach((r) -> roleGroups.add(DirectoryRole.parse(r).orElseThrow().groupId()));
			roleGroups.forEach((g) -> this.identityService.createMembership(account, g));
			accounts.add(new Account(account, person.name().strip(), departmentName, List.copyOf(roleGroups),
					(password != null) ? null : initial));
		}
		return new Onboarded(unit, List.copyOf(departments), List.copyOf(accounts));
	}

	/**
	 * Every error of the directory, in the order a person reads it: the unit, the departments, the people. Accounts
	 * must be new across every unit (an account is one person's sign-in, whatever unit they belong to).
	 */
	List<WorkbookError> check(UnitDirectory d, Where where) {
		List<WorkbookError> errors = new ArrayList<>();
		if (!StringUtils.hasText(d.name())) {
			errors.add(where.at(DirectoryField.UNIT_NAME, null, "onboarding.error.required"));
		}
		else if (d.name().strip().length() > MAX_UNIT_NAME) {
			errors.add(where.at(DirectoryField.UNIT_NAME, null, "onboarding.error.tooLong", MAX_UNIT_NAME));
		}
		else if (this.units.all().stream().anyMatch((u) -> u.getName().equals(d.name().strip()))) {
			errors.add(where.at(DirectoryField.UNIT_NAME, null, "onboarding.error.unitExists", d.name().strip()));
		}
		if (StringUtils.hasText(d.shortName()) && d.shortName().strip().length() > MAX_SHORT_NAME) {
			errors.add(where.at(DirectoryField.SHORT_NAME, null, "onboarding.error.tooLong", MAX_SHORT_NAME));
		}
		Set<String> departmentNames = new HashSet<>();
		if (d.departments().isEmpty()) {
			errors.add(where.at(DirectoryField.DEPARTMENT_NAME, null, "onboarding.error.noDepartments"));
		}
		for (int i = 0; i < d.departments().size(); i++) {
			String name = d.departments().get(i).name();
			if (!StringUtils.hasText(name)) {
				errors.add(where.at(DirectoryField.DEPARTMENT_NAME, i, "onboarding.error.required"));
			}
			else if (name.strip().length() > MAX_NAME) {
				errors.add(where.at(DirectoryField.DEPARTMENT_NAME, i, "onboarding.error.tooLong", MAX_NAME));
			}
			else if (!departmentNames.add(name.strip())) {
				errors.add(where.at(DirectoryField.DEPARTMENT_NAME, i, "onboarding.error.duplicateDepartment", name.strip()));
			}
		}
		if (d.people().isEmpty()) {
			errors.add(where.at(DirectoryField.ACCOUNT, null, "onboarding.error.noPeople"));
		}
		Set<String> accounts = new HashSet<>();
		for (int i = 0; i < d.people().size(); i++) {
			UnitDirectory.Person p = d.people().get(i);
			if (!StringUtils.hasText(p.name())) {
				errors.add(where.at(DirectoryField.PERSON_NAME, i, "onboarding.error.required"));
			}
			else if (p.name().strip().length() > MAX_NAME) {
				errors.add(where.at(DirectoryField.PERSON_NAME, i, "onboarding.error.tooLong", MAX_NAME));
			}
			String account = (p.account() == null) ? "" : p.account().strip();
			if (account.isEmpty()) {
				errors.add(where.at(DirectoryField.ACCOUNT, i, "onboarding.error.required"));
			}
			else if (!ACCOUNT.matcher(account).matches()) {
				errors.add(where.at(DirectoryField.ACCOUNT, i, "onboarding.error.accountFormat", account));
			}
			else if (!accounts.add(account.toLowerCase(Locale.ROOT))) {
				errors.add(where.at(DirectoryField.ACCOUNT, i, "onboarding.error.duplicateAccount", account));
			}
			else if (accountTaken(account)) {
				errors.add(where.at(DirectoryField.ACCOUNT, i, "onboarding.error.accountTaken", account));
			}
			if (StringUtils.hasText(p.department()) && !departmentNames.contains(p.department().strip())) {
				errors.add(where.at(DirectoryField.DEPARTMENT, i, "onboarding.error.unknownDepartment", p.department().strip()));
			}
			List<String> unknown = p.roles().stream().filter(StringUtils::hasText).filter((r) -> DirectoryRole.parse(r).isEmpty()).toList();
			if (!unknown.isEmpty()) {
				errors.add(where.at(DirectoryField.ROLES, i, "onboarding.error.unknownRole", String.join("、", unknown),
						String.join("、", Arrays.stream(DirectoryRole.values()).map(DirectoryRole::label).toList())));
			}
			if (!StringUtils.hasText(p.department()) && p.roles().stream().noneMatch(StringUtils::hasText)) {
				errors.add(where.at(DirectoryField.DEPARTMENT, i, "onboarding.error.nothingToDo"));
			}
			if (StringUtils.hasText(p.email()) && !EMAIL.matcher(p.email().strip()).matches()) {
				errors.add(where.at(DirectoryField.EMAIL, i, "onboarding.error.email", p.email().strip()));
			}
		}
		return errors;
	}

	/**
	 * An account of that id exists already, in whatever unit, or one that differs only by case (which a person would
	 * take for theirs at the sign-in).
	 */
	private boolean accountTaken(String account) {
		Integer same = this.jdbc.queryForObject("select count(*) from ACT_ID_USER where lower(ID_) = ?", Integer.class,
				account.toLowerCase(Locale.ROOT));
		return same != null && same > 0;
	}

	private boolean groupExists(String id) {
		return Unauthenticated.call(this.identityService,
				() -> this.identityService.createGroupQuery().groupId(id).count() > 0);
	}

	/** {@code unitN}, one past the highest number of a unit or tenant so named. */
	private String nextUnitId() {
		int highest = 0;
		List<String> ids = new ArrayList<>(this.units.all().stream().map(Unit::getId).toList());
		Unauthenticated.call(this.identityService, () -> this.identityService.createTenantQuery().list())
			.forEach((t) -> ids.add(t.getId()));
		for (String id : ids) {
			var m = UNIT_NUMBER.matcher(id);
			if (m.matches()) {
				highest = Math.max(highest, Integer.parseInt(m.group(1)));
			}
		}
		return "unit" + (highest + 1);
	}

	private String generatedPassword() {
		char[] chars = new char[PASSWORD_LENGTH];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = PASSWORD_ALPHABET[this.random.nextInt(PASSWORD_ALPHABET.length)];
		}
		return new String(chars);
	}

	/**
	 * The directory and the units forget what they remember when the engine changes identities, but a request on
	 * another thread may read the old state again before this transaction commits: forget once more after it.
	 */
	private void forgetAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Onboarding.this.directory.identityChanged();
					Onboarding.this.units.identityChanged();
				}
			});
		}
	}

}
