package org.rectiflow.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A redirect's target as it is sent: a path on this site, whatever address was asked for. */
class RelativeRedirectsTests {

	@Test
	void shouldKeepOnlyThePathOfAnAbsoluteAddress() {
		assertThat(RelativeRedirects.relative("http://evil.example/login")).isEqualTo("/login");
		assertThat(RelativeRedirects.relative("HTTPS://evil.example:8443/inspections/1?continue#x"))
			.isEqualTo("/inspections/1?continue#x");
		assertThat(RelativeRedirects.relative("http://evil.example")).isEqualTo("/");
		assertThat(RelativeRedirects.relative("http://evil.example?x=1")).isEqualTo("/?x=1");
	}

	@Test
	void shouldNeverLeaveTheSiteByAProtocolRelativeOrBackslashedPath() {
		assertThat(RelativeRedirects.relative("//evil.example/x")).isEqualTo("/evil.example/x");
		assertThat(RelativeRedirects.relative("/\\evil.example/x")).isEqualTo("/evil.example/x");
		assertThat(RelativeRedirects.relative("http:\\\\evil.example\\x")).isEqualTo("/x");
		assertThat(RelativeRedirects.relative("javascript:alert(1)")).isEqualTo("/");
	}

	@Test
	void shouldLeaveRelativeAddressesAsTheyAre() {
		assertThat(RelativeRedirects.relative("/login?logout")).isEqualTo("/login?logout");
		assertThat(RelativeRedirects.relative("default/")).isEqualTo("default/");
		assertThat(RelativeRedirects.relative(null)).isNull();
	}

}
