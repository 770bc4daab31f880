package org.rectiflow.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.rectiflow.unit.Units;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session's groups those of the directory, on every request: a session otherwise keeps the groups
 * it had at sign-in, and someone taken out of a department kept working on its tasks. The groups are read through the
 * {@link Directory}, which forgets them at once when the engine changes users, groups or memberships on this node and
 * within {@link Directory#REMEMBERED} on the others; so no extra query is made per request.
 * <ul>
 * <li>Groups changed: the session's authorities (our pages, our API, the engine's REST API) are replaced, and the
 * webapps' own record of the person (kept in the session with the groups of its first request) is dropped, so
 * {@code ContainerBasedAuthenticationFilter} builds it again from the directory.</li>
 * <li>The person no longer exists: the session ends, and the request goes on as a stranger's.</li>
 * <li>Units (tenants) changed: the session's unit authorities ({@code UNIT_<id>}, which cut our pages and API by unit,
 * see {@link Viewer}) are replaced and the webapps' record of the person, which carries the tenant ids the engine
 * checks, is dropped and built again (the engine's REST API asks {@link Units} on every request anyway).</li>
 * </ul>
 * Only authentications from the session are refreshed; HTTP Basic reads the groups afresh at every request anyway.
 */
class SessionGroupsFilter extends OncePerRequestFilter {

	private final Directory directory;

	private final Units units;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionGroupsFilter(Directory directory, Units units) {
		this.directory = directory;
		this.units = units;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication instanceof UsernamePasswordAuthenticationToken token
				&& token.isAuthenticated()) {
			List<String> groups = this.directory.groupIds(token.getName());
			boolean changed = !prefixed(token, CamundaIdentityAuthenticationProvider.GROUP_PREFIX)
				.equals(Set.copyOf(groups));
			// A deleted person loses their memberships, so a change (or no group at all) is when to ask.
			if ((changed || groups.isEmpty()) && !this.directory.userExists(token.getName())) {
				SecurityContextHolder.clearContext();
				session.invalidate();
			}
			else if (changed) {
				refresh(request, response, session, token, groups);
			}
			else {
				followUnits(request, response, session, token, groups);
			}
		}
		chain.doFilter(request, response);
	}

	private void refresh(HttpServletRequest request, HttpServletResponse response, HttpSession session,
			UsernamePasswordAuthenticationToken token, List<String> groups) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		token.getAuthorities()
			.stream()
			.filter((a) -> !a.getAuthority().startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX)
					&& !a.getAuthority().startsWith(Viewer.UNIT_PREFIX))
			.forEach(authorities::add);
		groups.forEach((g) -> authorities
			.add(new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + g)));
		authorities.addAll(CamundaIdentityAuthenticationProvider.unitAuthorities(this.units.tenantIds(token.getName())));
		UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken
			.authenticated(token.getPrincipal(), token.getCredentials(), authorities);
		refreshed.setDetails(token.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(refreshed);
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
		Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
		for (UserAuthentication kept : List.copyOf(webapps.getAuthentications())) {
			webapps.removeByEngineName(kept.getProcessEngineName());
		}
		AuthenticationUtil.updateSession(session, webapps);
	}

	private void followUnits(HttpServletRequest request, HttpServletResponse response, HttpSession session,
			UsernamePasswordAuthenticationToken token, List<String> groups) {
		Set<String> tenantIds = Set.copyOf(this.units.tenantIds(token.getName()));
		if (!prefixed(token, Viewer.UNIT_PREFIX).equals(tenantIds)) {
			// Our pages' and API's cut by unit (Viewer) follows at once, and the webapps' record is built again.
			refresh(request, response, session, token, groups);
			return;
		}
		Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
		boolean dropped = false;
		for (UserAuthentication kept : List.copyOf(webapps.getAuthentications())) {
			if (kept.getTenantIds() != null && !Set.copyOf(kept.getTenantIds()).equals(tenantIds)) {
				webapps.removeByEngineName(kept.getProcessEngineName());
				dropped = true;
			}
		}
		if (dropped) {
			AuthenticationUtil.updateSession(session, webapps);
		}
	}

	private static Set<String> prefixed(Authentication authentication, String prefix) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(prefix))
			.map((a) -> a.substring(prefix.length()))
			.collect(Collectors.toSet());
	}

}
