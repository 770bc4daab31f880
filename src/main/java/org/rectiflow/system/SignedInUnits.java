package org.rectiflow.system;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The units (tenant ids) the signed-in person belongs to, from their authorities ({@code UNIT_<unitId>}, set at
 * sign-in and kept current by {@code identity/SessionGroupsFilter}), for the packages below {@code identity} that cut
 * their lists by unit (the audit page, the inbox) and cannot ask {@code identity/Viewer} without a package cycle.
 * An administrator ({@code GROUP_camunda-admin}) is cut by no unit, as {@code Viewer} says.
 */
public final class SignedInUnits {

	/** The authority a person's unit (tenant) id becomes. */
	public static final String PREFIX = "UNIT_";

	static final String ADMINISTRATOR = "GROUP_camunda-admin";

	private SignedInUnits() {
	}

	/** The signed-in person's units; {@code null} for no cut (an administrator); empty for nobody signed in. */
	public static Set<String> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Set.of();
		}
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		if (authorities.contains(ADMINISTRATOR)) {
			return null;
		}
		return authorities.stream()
			.filter((a) -> a.startsWith(PREFIX))
			.map((a) -> a.substring(PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
