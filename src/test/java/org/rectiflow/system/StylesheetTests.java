package org.rectiflow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our one stylesheet is appended to by every feature; an unclosed block once put every rule after it inside a phone
 * media query. Every block must close before the next one opens at the top level.
 */
class StylesheetTests {

	@Test
	void everyBlockOfTheStylesheetIsClosed() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/css/rectiflow.css"))
			.replaceAll("(?s)/\\*.*?\\*/", "");
		int depth = 0;
		int line = 1;
		for (char c : css.toCharArray()) {
			if (c == '\n') {
				line++;
			}
			else if (c == '{') {
				depth++;
				assertThat(depth).as("nesting at line %d", line).isLessThanOrEqualTo(2);
			}
			else if (c == '}') {
				depth--;
				assertThat(depth).as("closing brace without an opening one at line %d", line).isGreaterThanOrEqualTo(0);
			}
		}
		assertThat(depth).as("blocks left open at the end").isZero();
	}

}
