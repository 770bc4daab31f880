package org.rectiflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Compares a password with the one Camunda's identity service keeps, by the engine's own salted hash (its
 * {@code PasswordManager}), without {@code IdentityService.checkPassword}: that call counts every failure on the account
 * and, after {@code loginMaxAttempts} of them, locks it for good. Sign-ins are throttled by identity's {@code LoginThrottle}
 * instead, and the production start-up compares every account with the demo password without locking anyone.
 */
@Component
public class Passwords {

	private final ProcessEngineConfigurationImpl engine;

	Passwords(ProcessEngine processEngine) {
		this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
	}

	/** Whether {@code password} is the account's; false for an unknown account. Changes nothing in the database. */
	public boolean matches(String userId, String password) {
		if (userId == null || password == null) {
			return false;
		}
		UserEntity user = this.engine.getCommandExecutorTxRequired()
			.execute((context) -> context.getDbEntityManager().selectById(UserEntity.class, userId));
		return user != null && matches(user, password);
	}

	/** As {@link #matches(String, String)}, for an account already read (e.g. from a user query). */
	public boolean matches(User account, String password) {
		return account instanceof UserEntity user && user.getPassword() != null && this.engine.getPasswordManager()
			.check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
	}

}
