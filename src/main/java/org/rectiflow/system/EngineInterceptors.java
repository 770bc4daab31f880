package org.rectiflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Puts an interceptor of ours in front of every command the engine runs, in both of its command chains (the one
 * that joins a transaction and the one that starts a new one). Each chain gets its own instance, since an
 * interceptor holds its place in its chain.
 */
public final class EngineInterceptors {

	private EngineInterceptors() {
	}

	public static void addFirst(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				first(configuration.getCustomPreCommandInterceptorsTxRequired(), interceptor.get()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				first(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), interceptor.get()));
	}

	private static List<CommandInterceptor> first(List<CommandInterceptor> interceptors, CommandInterceptor interceptor) {
		List<CommandInterceptor> result = new ArrayList<>((interceptors == null) ? List.of() : interceptors);
		result.add(0, interceptor);
		return result;
	}

}
