package org.rectiflow.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.rectiflow.unit.Units;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the person Spring Security authenticated to the engine for the length of one request to its REST API, so the
 * engine knows who claims, completes and comments, and checks what they may do, with their groups and their units
 * (tenant ids: the engine shows an authentication only its tenants' instances, tasks and history). Our own API
 * enforces its rules itself (lead department, role) and acts on the engine through the process adapters.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	private final Units units;

	EngineAuthenticationFilter(IdentityService identityService, Units units) {
		this.identityService = identityService;
		this.units = units;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || !request.getRequestURI()
			.startsWith(request.getContextPath() + "/engine-rest")) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
			.map((a) -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
			.toList();
		this.identityService.setAuthentication(authentication.getName(), groups,
				this.units.tenantIds(authentication.getName()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
