package org.rectiflow.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as browsers and attackers send them, as kept, shown and sent back. */
class EvidenceFileNamesTests {

	@Test
	void keepsOnlyTheLastPathSegment() {
		assertThat(EvidenceFileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
		assertThat(EvidenceFileNames.sanitize("C:\\Users\\张三\\Desktop\\维修台账.pdf")).isEqualTo("维修台账.pdf");
		assertThat(EvidenceFileNames.sanitize("..\\..\\boot.ini")).isEqualTo("boot.ini");
	}

	@Test
	void dropsControlAndInvisibleFormattingCharacters() {
		// U+202E makes "整改报告\u202Efdp.exe" display as "整改报告exe.pdf".
		assertThat(EvidenceFileNames.sanitize("整改报告\u202Efdp.exe")).isEqualTo("整改报告fdp.exe");
		assertThat(EvidenceFileNames.sanitize("a\u0000b\r\nc\u200B\u2066d.pdf")).isEqualTo("abcd.pdf");
		assertThat(EvidenceFileNames.sanitize("\uFEFF台账\t.pdf")).isEqualTo("台账.pdf");
		assertThat(EvidenceFileNames.sanitize("维修\u3000台账  2026.pdf")).isEqualTo("维修 台账 2026.pdf");
	}

	@Test
	void replacesWhatWindowsForbidsAndRemovesDotRuns() {
		assertThat(EvidenceFileNames.sanitize("a<b>c:d\"e|f?g*h.pdf")).isEqualTo("a_b_c_d_e_f_g_h.pdf");
		assertThat(EvidenceFileNames.sanitize("report..pdf")).isEqualTo("report.pdf");
		assertThat(EvidenceFileNames.sanitize("...hidden.txt")).isEqualTo("hidden.txt");
		assertThat(EvidenceFileNames.sanitize("name.pdf. . ")).isEqualTo("name.pdf");
		assertThat(EvidenceFileNames.sanitize("..")).isEqualTo("file");
		assertThat(EvidenceFileNames.sanitize("\u202E")).isEqualTo("file");
	}

	@Test
	void keepsNoNameWindowsReservesForADevice() {
		for (String reserved : new String[] { "con.txt", "CON", "prn.pdf", "Aux.docx", "nul.tar.gz", "COM1.xlsx",
				"com9.pdf", "LPT1.txt", "lpt\u00B9.pdf", "aux .pdf", "con..txt" }) {
			String kept = EvidenceFileNames.sanitize(reserved);
			assertThat(kept).as(reserved).startsWith("_");
			assertThat(kept.substring(1).split("\\.")[0].strip()).as(reserved).isNotBlank();
		}
		assertThat(EvidenceFileNames.sanitize("con.txt")).isEqualTo("_con.txt");
		assertThat(EvidenceFileNames.sanitize("C:\\docs\\NUL.pdf")).isEqualTo("_NUL.pdf");
		for (String ordinary : new String[] { "contract.pdf", "console.txt", "com10.pdf", "lpt.pdf", "nullable.pdf",
				"会议con.pdf", "auxiliary.docx" }) {
			assertThat(EvidenceFileNames.sanitize(ordinary)).isEqualTo(ordinary);
		}
	}

	@Test
	void shortensOverlongNamesKeepingTheExtension() {
		String name = EvidenceFileNames.sanitize("很".repeat(300) + ".docx");
		assertThat(name).endsWith("很.docx");
		assertThat(name.codePointCount(0, name.length())).isEqualTo(EvidenceFileNames.MAX_LENGTH);
		assertThat(EvidenceFileNames.sanitize("宿舍维修台账（2026年11月）.xlsx")).isEqualTo("宿舍维修台账（2026年11月）.xlsx");
	}

}
