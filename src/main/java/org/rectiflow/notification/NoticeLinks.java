package org.rectiflow.notification;

/**
 * Whether the item a notice links to still opens for the signed-in person: a notice stays in the inbox after its
 * item moved on (a task handed over to another leader, a step done by a colleague), and following it must not end in
 * a refusal (issue 20). The feature that owns an item's page says; an item nobody answers for opens.
 */
public interface NoticeLinks {

	/** False when the link is a page of ours that would refuse the signed-in person now. */
	boolean opens(String link);

}
