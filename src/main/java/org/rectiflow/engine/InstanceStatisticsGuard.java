package org.rectiflow.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rectiflow.system.Messages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How many instances each process has, is for those who may read every instance. Camunda checks only READ on the
 * process definition for its statistics ({@code AuthorizationManager.configureProcessDefinitionStatisticsQuery}), so
 * a department's clerk, who reads the definitions to start nothing and see their steps, got from
 * {@code /engine-rest/process-definition/statistics} the number of every rectification task's instance, failed job and
 * incident. The query is refused in the engine, for every entry point, to anyone without READ_INSTANCE on every
 * process definition (oversight and administrators hold it). Cockpit's own API ({@code /camunda/api/cockpit/…}),
 * which answers statistics and instance lists from queries of its own, is for those who may open Cockpit at all.
 */
@Component
class InstanceStatisticsGuard extends AbstractProcessEnginePlugin {

	/** The groups granted Cockpit (see {@code AuthorizationBootstrap}). */
	static final Set<String> COCKPIT_GROUPS = Set.of("GROUP_rectificationOffice", "GROUP_discipline",
			"GROUP_partySecretary", "GROUP_camunda-admin");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Post.STATISTICS_CHECK, StatisticsCheck::new);
	}

	/** Inside the command context, before the query runs: the same check the engine makes elsewhere. */
	static final class StatisticsCheck extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof ProcessDefinitionStatisticsQueryImpl) {
				CommandContext context = Context.getCommandContext();
				Authentication user = context.getAuthentication();
				if (context.isAuthorizationCheckEnabled() && user != null
						&& !context.getAuthorizationManager().isAuthorized(ProcessDefinitionPermissions.READ_INSTANCE,
								Resources.PROCESS_DEFINITION, Authorization.ANY)) {
					throw new AuthorizationException(user.getUserId(), ProcessDefinitionPermissions.READ_INSTANCE.getName(),
							Resources.PROCESS_DEFINITION.resourceName(), Authorization.ANY);
				}
			}
			return this.next.execute(command);
		}

	}

	@Bean
	static FilterRegistrationBean<CockpitApiFilter> cockpitApiFilter(Messages messages) {
		FilterRegistrationBean<CockpitApiFilter> registration = new FilterRegistrationBean<>(
				new CockpitApiFilter(messages));
		registration.addUrlPatterns("/camunda/api/cockpit/*");
		// After Spring Security, which has signed the person in.
		registration.setOrder(10);
		return registration;
	}

	/** Cockpit's API answers 403 to those who may not open Cockpit. */
	static final class CockpitApiFilter extends OncePerRequestFilter {

		private final Messages messages;

		private final ObjectMapper json = new ObjectMapper();

		CockpitApiFilter(Messages messages) {
			this.messages = messages;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean cockpit = authentication != null && authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.anyMatch(COCKPIT_GROUPS::contains);
			if (cockpit) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream()
				.write(this.json.writeValueAsString(Map.of("type", "AuthorizationException", "message",
						this.messages.get("error.request.forbidden")))
					.getBytes(StandardCharsets.UTF_8));
		}

	}

}
