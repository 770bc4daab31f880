package org.rectiflow.supervision;

/** The discipline committee's special supervision runs in three stages; look-back is the later re-check. */
public enum SupervisionStage {

	SELF_CHECK, ON_SITE, SUMMARY, LOOK_BACK

}
