package org.rectiflow.security;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectiflow.engine.AllowedVariableTypes;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list of Object variable types, read as text: what our processes store passes, nothing else does. */
class AllowedVariableTypesTests {

	@Test
	void shouldAllowWhatOurProcessesStore() {
		assertThat(AllowedVariableTypes.allows("java.util.ArrayList<java.lang.String>")).isTrue();
		assertThat(AllowedVariableTypes.allows("java.util.ArrayList<java.lang.Object>")).isTrue();
		assertThat(AllowedVariableTypes.allows("java.util.HashMap<java.lang.String,java.util.ArrayList<java.lang.Long>>"))
			.isTrue();
		assertThat(AllowedVariableTypes.allows("java.lang.Integer")).isTrue();
	}

	@Test
	void shouldRefuseEveryOtherSpelling() {
		for (String type : List.of("org.apache.commons.io.output.LockableFileWriter", "java.io.FileOutputStream",
				"java.lang.ProcessBuilder", "java.lang.Runtime", " java.lang.String", "java.lang.String ",
				"java.lang.String[]", "[Ljava.lang.String;", "java.util.ArrayList<java.io.File>",
				"java.util.ArrayList<java.lang.String>java.io.File", "java.util.ArrayList<java.lang.String>,java.lang.Long",
				"java.util.ArrayList<>", "java.util.ArrayList<java.lang.String", "java.util.ArrayList<java.lang.String>>",
				"java.lang.String,java.lang.Long", "", "java.lang.StringBuilder", "java.util.ArrayList$Itr")) {
			assertThat(AllowedVariableTypes.allows(type)).as(type).isFalse();
		}
		assertThat(AllowedVariableTypes.allows(null)).isFalse();
	}

	@Test
	void shouldLookInsideListsAndMaps() {
		Map<String, Object> map = new HashMap<>();
		map.put("leaders", new ArrayList<>(List.of("a", "b")));
		assertThat(AllowedVariableTypes.allowsValue(map)).isTrue();
		map.put("file", new File("x"));
		assertThat(AllowedVariableTypes.allowsValue(map)).isFalse();
		assertThat(AllowedVariableTypes.allowsValue(List.of("immutable"))).isFalse();
		assertThat(AllowedVariableTypes.validator().validate("java.util.ArrayList")).isTrue();
		assertThat(AllowedVariableTypes.validator().validate("java.lang.ProcessBuilder")).isFalse();
	}

}
