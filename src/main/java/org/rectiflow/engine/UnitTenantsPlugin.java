package org.rectiflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Units as tenants (issue 18): every process instance gets its unit's tenant id, though the process definitions are
 * shared (deployed without a tenant). A sub-instance (the supervision process, a call activity) takes its caller's
 * tenant; a root instance (rectification process, rectification task process) the tenant of the inspection named by
 * its start variable {@value #INSPECTION_ID}, which only our adapters set at start (nobody else may start instances),
 * looked up through {@link InspectionTenants}; a root instance that belongs to a unit but to no inspection (the
 * common-problem notice sent to a unit) names the unit itself in its start variable {@value #UNIT_ID}, the tenant id. With the tenant on the instance, the engine keeps its tasks, variables,
 * jobs and history to the people whose authentication carries that tenant id.
 */
@Component
class UnitTenantsPlugin extends AbstractProcessEnginePlugin {

	/** The start variable both root processes carry (RectificationProcess, RectificationTaskProcess). */
	static final String INSPECTION_ID = "inspectionId";

	/** The start variable of a unit's instance that concerns no inspection (CommonProblemNoticeProcess). */
	static final String UNIT_ID = "unitId";

	private final ObjectProvider<InspectionTenants> inspections;

	UnitTenantsPlugin(ObjectProvider<InspectionTenants> inspections) {
		this.inspections = inspections;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new UnitTenants());
	}

	final class UnitTenants implements TenantIdProvider {

		@Override
		public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
			if (context.getSuperExecution() != null) {
				return context.getSuperExecution().getTenantId();
			}
			Object inspectionId = context.getVariables().get(INSPECTION_ID);
			if (inspectionId == null) {
				Object unitId = context.getVariables().get(UNIT_ID);
				return (unitId == null) ? null : unitId.toString();
			}
			InspectionTenants tenants = UnitTenantsPlugin.this.inspections.getIfAvailable();
			if (tenants == null) {
				return null;
			}
			return tenants.tenantOf(Long.parseLong(inspectionId.toString()));
		}

		@Override
		public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
			return (context.getSuperExecution() != null) ? context.getSuperExecution().getTenantId() : null;
		}

		@Override
		public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
			return (context.getExecution() != null) ? context.getExecution().getTenantId() : null;
		}

	}

}
