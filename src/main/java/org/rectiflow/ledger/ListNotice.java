package org.rectiflow.ledger;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why a list shows something other than what its link asked for (a filter value it could not understand, a page
 * that does not exist): a message key with its arguments, shown above the list instead of an error page, because
 * these links are typed by hand, shortened and passed around in chat groups.
 */
public record ListNotice(String key, Object... args) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { this.key };
	}

	@Override
	public Object[] getArguments() {
		return this.args;
	}

	@Override
	public String getDefaultMessage() {
		return this.key;
	}

	/** A shown value is cut short: a pasted paragraph must not flood the notice. */
	static String shown(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
