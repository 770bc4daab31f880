package org.rectiflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Puts an interceptor of ours in front of every command the engine runs, in both of its command chains (the one
 * that joins a transaction and the one that starts a new one). Each chain gets its own instance, since an
 * interceptor holds its place in its chain. Interceptors marked {@link Outermost} stay in front of the others.
 */
public final class EngineInterceptors {

	private EngineInterceptors() {
	}

	/**
	 * An interceptor that must see every command before any other of ours does, and every exception any of them
	 * throws (the audit log's record of refusals): it stays in front of the chain, whatever order the plugins that add
	 * theirs with {@link #addFirst} run in.
	 */
	public interface Outermost {
	}

	public static void addFirst(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				first(configuration.getCustomPreCommandInterceptorsTxRequired(), interceptor.get()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				first(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), interceptor.get()));
	}

	private static List<CommandInterceptor> first(List<CommandInterceptor> interceptors, CommandInterceptor interceptor) {
		List<CommandInterceptor> result = new ArrayList<>((interceptors == null) ? List.of() : interceptors);
		int position = 0;
		if (!(interceptor instanceof Outermost)) {
			while (position < result.size() && result.get(position) instanceof Outermost) {
				position++;
			}
		}
		result.add(position, interceptor);
		return result;
	}

}
