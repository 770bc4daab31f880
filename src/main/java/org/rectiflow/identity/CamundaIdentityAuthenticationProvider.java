package org.rectiflow.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.engine.Passwords;
import org.rectiflow.unit.Units;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service, where people and groups are kept; each group becomes an
 * authority {@code GROUP_<groupId>}, each unit (tenant) the person belongs to {@code UNIT_<unitId>} ({@link Viewer}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	private final Units units;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, Passwords passwords, LoginThrottle throttle,
			AuditLog auditLog, Units units) {
		this.units = units;
		this.identityService = identityService;
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditLog = auditLog;
	}

	/**
	 * Checks the password unless the account or the client address is locked out after too many failures; every
	 * refusal is counted and recorded in the audit log (form login and HTTP Basic alike). The password is compared
	 * without {@code IdentityService.checkPassword}, whose failure count would lock the account for good: our
	 * throttle, limited in time, is the only lock-out.
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : AuditLog.clientAddress();
		try {
			this.throttle.check(userId, address);
		}
		catch (LoginThrottledException ex) {
			this.auditLog.recordThrottled(userId, address, ex.getMinutes());
			throw ex;
		}
		if (userId == null || credentials == null || !this.passwords.matches(userId, credentials.toString())) {
			this.throttle.failed(userId, address);
			this.auditLog.record(userId, address, AuditKind.LOGIN_FAILED, "user:" + userId, "bad credentials");
			throw new BadCredentialsException("Bad credentials");
		}
		this.throttle.succeeded(userId);
		return new UsernamePasswordAuthenticationToken(userId, null, authorities(userId));
	}

	List<GrantedAuthority> authorities(String userId) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((id) -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
			.forEach(authorities::add);
		authorities.addAll(unitAuthorities(this.units.tenantIds(userId)));
		return authorities;
	}

	static List<GrantedAuthority> unitAuthorities(List<String> unitIds) {
		return unitIds.stream()
			.<GrantedAuthority>map((id) -> new SimpleGrantedAuthority(Viewer.UNIT_PREFIX + id))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
