package org.rectiflow.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.engine.Passwords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the {@code prod} profile checks in the database before it serves anyone (after every bean is created, before
 * the web server opens): a pilot that began on the demo and went live must not keep the demo's passwords.
 * <ul>
 * <li>{@code RECTIFLOW_ADMIN_PASSWORD} is applied to the administrator ({@code RECTIFLOW_ADMIN_USER}) at every start
 * where it differs, so the environment, not an old database, says what it is. An account of that name outside the
 * group {@code camunda-admin}, or a read-only identity provider, cannot take it: the start is refused, not silently
 * run with another password.</li>
 * <li>No account may still have the demo password ({@value DemoAccounts#PASSWORD}): the start is refused, naming them
 * and how to reset them.</li>
 * </ul>
 * Passwords are compared by the engine's own salted hash ({@link Passwords}), never with {@code checkPassword}, which
 * would count a failure on every account that passed. On a new database there is nothing to check:
 * {@code IdentityBootstrap} then creates the administrator.
 */
@Component
@Profile("prod")
class ProductionAccounts implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ProductionAccounts.class);

	private final IdentityService identityService;

	private final Passwords passwords;

	private final String adminUser;

	private final String adminPassword;

	ProductionAccounts(IdentityService identityService, Passwords passwords,
			@Value("${rectiflow.admin.user:admin}") String adminUser,
			@Value("${rectiflow.admin.password:}") String adminPassword) {
		this.identityService = identityService;
		this.passwords = passwords;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		applyAdministratorPassword(problems);
		List<String> demo = this.identityService.createUserQuery()
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.filter((u) -> this.passwords.matches(u, DemoAccounts.PASSWORD))
			.map(User::getId)
			.toList();
		if (!demo.isEmpty()) {
			problems.add(demo.size() + " account(s) still have the demo password '" + DemoAccounts.PASSWORD + "': "
					+ String.join(", ", demo) + ". Give each a new password, or delete those not needed, in Camunda "
					+ "Admin (/camunda/app/admin/, Users) signed in as the administrator on a start without the prod "
					+ "profile (e.g. --spring.profiles.active=postgres), then start prod again; the administrator "
					+ "'" + this.adminUser + "' takes RECTIFLOW_ADMIN_PASSWORD by itself");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The prod profile refuses to start: " + String.join("; ", problems) + ". See docs/OPERATIONS.md, \"Production\".");
		}
	}

	private void applyAdministratorPassword(List<String> problems) {
		if (this.adminPassword == null || this.adminPassword.isBlank()) {
			return; // ProductionGuard has refused the start already
		}
		User admin = this.identityService.createUserQuery().userId(this.adminUser).singleResult();
		if (admin == null || this.passwords.matches(this.adminUser, this.adminPassword)) {
			return;
		}
		if (this.identityService.createUserQuery()
			.userId(this.adminUser)
			.memberOfGroup(Groups.CAMUNDA_ADMIN)
			.count() == 0) {
			problems.add("RECTIFLOW_ADMIN_PASSWORD cannot be applied: the account '" + this.adminUser
					+ "' (RECTIFLOW_ADMIN_USER) is not in the group " + Groups.CAMUNDA_ADMIN
					+ "; add it to that group in Camunda Admin, or name the administrator in RECTIFLOW_ADMIN_USER");
			return;
		}
		if (this.identityService.isReadOnly()) {
			problems.add("RECTIFLOW_ADMIN_PASSWORD cannot be applied: the identity provider is read-only; change the "
					+ "password of '" + this.adminUser + "' where the accounts are kept, or leave RECTIFLOW_ADMIN_PASSWORD "
					+ "equal to it");
			return;
		}
		admin.setPassword(this.adminPassword);
		try {
			this.identityService.saveUser(admin);
		}
		catch (RuntimeException ex) {
			problems.add("RECTIFLOW_ADMIN_PASSWORD cannot be applied to '" + this.adminUser + "': " + ex.getMessage());
			return;
		}
		log.info("The administrator '{}' has taken the password from RECTIFLOW_ADMIN_PASSWORD", this.adminUser);
	}

}
