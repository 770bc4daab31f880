package org.rectiflow.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code rectiflow.login.*}): after {@code maxFailuresPerAccount} failed sign-ins to one account,
 * or {@code maxFailuresPerAddress} from one client address, within {@code window}, that account or address is
 * refused for {@code lockout}, even with the right password.
 */
@ConfigurationProperties("rectiflow.login")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerAccount,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("PT15M") Duration window,
		@DefaultValue("PT15M") Duration lockout) {

	public LoginThrottleProperties {
		if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || window.isNegative() || lockout.isNegative()) {
			throw new IllegalArgumentException("rectiflow.login.* must be positive");
		}
	}

}
