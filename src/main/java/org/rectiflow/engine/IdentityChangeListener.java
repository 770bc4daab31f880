package org.rectiflow.engine;

/**
 * Told after the engine has changed users, groups or memberships, whoever asked (Camunda Admin, the REST API, our
 * bootstrap): see {@link IdentityChangesPlugin}. Owned by the engine package so that the dependency points from the
 * feature that remembers identities to the engine, not back.
 */
public interface IdentityChangeListener {

	void identityChanged();

}
