package org.rectiflow.engine;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * A job's lock names the node that holds it: the job executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_}) is the
 * engine's host name (the {@code hostname} engine property, which also names the node in {@code ACT_HI_JOB_LOG}),
 * a colon and a random id per start, where Camunda puts a bare random id. When a node dies holding locks, the
 * operator (and {@code cluster/ClusterTests}) sees whose jobs wait for their locks to expire, and a restarted node
 * never mistakes its predecessor's locks for its own.
 */
@Component
class JobLockOwnerPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (jobExecutor != null) {
			jobExecutor.setLockOwner(lockOwner(configuration.getHostname()));
		}
	}

	static String lockOwner(String hostname) {
		String node = (hostname == null || hostname.isBlank()) ? "node" : hostname.strip();
		// LOCK_OWNER_ is 255 characters wide; a random UUID takes 36 of them and the colon one.
		return node.substring(0, Math.min(node.length(), 200)) + ":" + UUID.randomUUID();
	}

}
