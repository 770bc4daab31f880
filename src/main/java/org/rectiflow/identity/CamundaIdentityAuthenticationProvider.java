package org.rectiflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service, where people and groups are kept; each group becomes an
 * authority {@code GROUP_<groupId>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || credentials == null || !this.identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		return new UsernamePasswordAuthenticationToken(userId, null, authorities(userId));
	}

	List<GrantedAuthority> authorities(String userId) {
		return this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((id) -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
