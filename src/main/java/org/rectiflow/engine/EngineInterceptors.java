package org.rectiflow.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The one place that states the order our command interceptors run in, whatever order the plugins that add them run
 * in (bean order, which follows class names and may differ in a packaged jar). Each plugin adds its interceptor with
 * its {@link Pre} or {@link Post} place; each of the engine's two command chains (the one that joins a transaction,
 * the one that starts a new one) gets its own instance, since an interceptor holds its place in its chain.
 * <p>
 * A command passes the {@link Pre} interceptors first, outermost first, outside any command context and
 * transaction; then the engine's own interceptors (log, process-application context, transaction, command context);
 * then the {@link Post} interceptors, inside the command context and transaction; then the command
 * (docs/ENGINE.md, section 11; {@code EngineInterceptorsTests} checks the chains of the running engine).
 */
public final class EngineInterceptors {

	/** In front of the engine's own interceptors, outermost first. */
	public enum Pre {

		/** {@code AuditEnginePlugin.Refusals}: sees every refusal by the engine and by the guards below. */
		REFUSALS,

		/** {@code ValidationUnwrappingPlugin.UnwrapValidation}. */
		UNWRAP_VALIDATION,

		/** {@code EngineErrorResponses.NoteFailure}: notes the failure after the race below has translated it. */
		NOTE_FAILURE,

		/** {@code ConflictingCompletionPlugin.RaceInterceptor}: a lost race becomes {@code TaskTakenException}. */
		RACE,

		/** {@code StepWorkGuardPlugin.PersonalCommands}. */
		PERSONAL_COMMANDS,

		/** {@code QueryExpressionGuardPlugin.Guard}. */
		QUERY_EXPRESSIONS,

		/** {@code NoRevokesPlugin.RefuseRevokes}. */
		NO_REVOKES,

		/** {@code IdentityChangesPlugin.Forget}. */
		IDENTITY_CHANGES

	}

	/** Inside the command context and transaction, just before the command, outermost first. */
	public enum Post {

		/** {@code AuditEnginePlugin.PermissionChanges}. */
		PERMISSION_CHANGES,

		/** {@code AuditEnginePlugin.EngineChanges}. */
		ENGINE_CHANGES,

		/** {@code InstanceStatisticsGuard.StatisticsCheck}. */
		STATISTICS_CHECK,

		/** {@code StepWorkGuardPlugin.StepCheck}. */
		STEP_CHECK

	}

	/**
	 * An interceptor that must see every command before any other of ours does, and every exception any of them
	 * throws (the audit log's record of refusals): only the first {@link Pre} place may hold it.
	 */
	public interface Outermost {
	}

	/** The place of each interceptor we added, to put the next one in front of or behind it. */
	private static final Map<CommandInterceptor, Enum<?>> PLACES = Collections.synchronizedMap(new WeakHashMap<>());

	private EngineInterceptors() {
	}

	public static void add(ProcessEngineConfigurationImpl configuration, Pre place,
			Supplier<CommandInterceptor> interceptor) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				placed(configuration.getCustomPreCommandInterceptorsTxRequired(), place, interceptor.get(), true));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				placed(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), place, interceptor.get(), true));
	}

	public static void add(ProcessEngineConfigurationImpl configuration, Post place,
			Supplier<CommandInterceptor> interceptor) {
		configuration.setCustomPostCommandInterceptorsTxRequired(
				placed(configuration.getCustomPostCommandInterceptorsTxRequired(), place, interceptor.get(), false));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				placed(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), place, interceptor.get(), false));
	}

	/**
	 * Puts the interceptor behind ours of an earlier or the same place and in front of ours of a later one.
	 * Interceptors not ours keep where they are relative to ours as the engine's {@code customPre…} and
	 * {@code customPost…} lists had them before: behind ours in front of the engine, in front of ours after it.
	 */
	private static List<CommandInterceptor> placed(List<CommandInterceptor> interceptors, Enum<?> place,
			CommandInterceptor interceptor, boolean pre) {
		if ((interceptor instanceof Outermost) != (place == Pre.REFUSALS)) {
			throw new IllegalStateException(interceptor.getClass().getName() + " is not where an "
					+ Outermost.class.getSimpleName() + " interceptor belongs: " + place);
		}
		List<CommandInterceptor> result = new ArrayList<>((interceptors == null) ? List.of() : interceptors);
		int position = 0;
		while (position < result.size() && comesBefore(PLACES.get(result.get(position)), place, pre)) {
			position++;
		}
		result.add(position, interceptor);
		PLACES.put(interceptor, place);
		return result;
	}

	private static boolean comesBefore(Enum<?> other, Enum<?> place, boolean pre) {
		if (other == null || other.getClass() != place.getClass()) {
			return !pre;
		}
		return other.ordinal() <= place.ordinal();
	}

}
