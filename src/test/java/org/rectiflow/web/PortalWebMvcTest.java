package org.rectiflow.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.mockito.Mockito;
import org.rectiflow.calendar.CalendarDays;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.handover.Handovers;
import org.rectiflow.identity.Directory;
import org.rectiflow.plan.PlanService;
import org.rectiflow.repeat.RepeatProblems;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A {@code @WebMvcTest} of one portal controller with what every page needs: our message bundles (Chinese first),
 * the language switch, a fixed clock (2026-11-25 10:00 in China), default settings, and a directory that names each
 * person "姓名:id".
 * Spring Boot's default security applies: use {@code @WithMockUser} and {@code csrf()}; mock the services the
 * controller calls with {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(PortalWebMvcTest.PortalBeans.class)
public @interface PortalWebMvcTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** Method security as the application has it ({@code @PreAuthorize} on controllers). */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableMethodSecurity
	class PortalBeans {

		public static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

		@Bean
		Messages messages(MessageSource messageSource) {
			return new Messages(messageSource);
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
		}

		/** Monday to Friday only: the slice has no database, so no holidays are listed. */
		@Bean
		WorkingDays workingDays(Clock clock) {
			CalendarDays calendar = Mockito.mock(CalendarDays.class);
			Mockito.when(calendar.all()).thenReturn(List.of());
			return new WorkingDays(calendar, clock);
		}

		@Bean
		RectiflowProperties rectiflowProperties() {
			return new RectiflowProperties("P6M", "P1M", new RectiflowProperties.Evidence(20 * 1024 * 1024, List.of()),
					new RectiflowProperties.Deadlines(3, 5), new RectiflowProperties.Demo(false, false));
		}

		/**
		 * Every inspection's heading asks for a launch under way, the problem list whether the plan is being drafted,
		 * the home page for all launches: the slice has no plan, so none is launching or drafting.
		 */
		@Bean
		PlanService planService() {
			PlanService plans = Mockito.mock(PlanService.class);
			Mockito.when(plans.launches()).thenReturn(Map.of());
			return plans;
		}

		/** The ledger's lists ask for repeat problems and handovers: the slice has none (a mock answers empty maps). */
		@Bean
		RepeatProblems repeatProblems() {
			return Mockito.mock(RepeatProblems.class);
		}

		@Bean
		Handovers handovers() {
			return Mockito.mock(Handovers.class);
		}

		@Bean
		Directory directory() {
			Directory directory = Mockito.mock(Directory.class);
			Mockito.when(directory.displayName(Mockito.anyString())).thenAnswer((call) -> "姓名:" + call.getArgument(0));
			return directory;
		}

	}

}
