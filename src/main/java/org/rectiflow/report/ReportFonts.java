package org.rectiflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The faces a report is set in, as official documents set them (GB/T 9704): the title in a Song display face, the
 * body in FangSong, 一、 headings in Hei, （一） headings in Kai. Each face names the font Word or WPS is asked for in the
 * {@code .docx} (the reader's machine supplies it) and the TrueType font the PDF embeds as a subset. The build takes
 * those fonts from packages (pom.xml; origins and licences in {@code fonts/FONTS.txt} in the jar). No open FangSong is
 * packaged for the build, so FangSong is drawn with Noto Serif SC, a Song face.
 * <p>
 * Each font is read and parsed once per node, when a PDF first needs it, and that one FontBox {@link TrueTypeFont} is
 * shared by every layout, on any thread: each layout makes its own {@link PDType0Font} of it for its own document.
 * Sharing is safe with PDFBox 3.0.3 because the parser reads every table when it parses, so nothing is read through
 * the font's stream afterwards but raw tables, under the font's lock; glyph outlines come from the glyph table's own
 * copy of its bytes, under that copy's lock, and the subsetter reads glyphs through a stream of its own; glyph
 * substitution (GSUB), whose lookups keep caches, is switched off, as it was for the font before. Re-check this on a
 * PDFBox upgrade ({@code ReportFormatsTests} lays out PDFs side by side). A parsed font keeps about 2.7 times its file
 * in heap (the file, the glyph table's copy, the cmap maps), which is why Song and FangSong share one font; the figures
 * are in docs/PERFORMANCE.md.
 * <p>
 * These fonts draw a radical (U+2E80–U+2FDF) and its ideograph with one glyph, and PDFBox writes a glyph's lowest
 * code point into the PDF's text map: 人, 工 and 见 would be copied and searched as ⼈, ⼯ and ⻅. So the parsed
 * font forgets those radicals as the text of such glyphs ({@link #preferIdeographs}).
 */
@Component
class ReportFonts {

	/** A face: its family in the PDF's CSS, the font the PDF embeds, and the font the {@code .docx} names. */
	enum Face {

		/**
		 * The title, the issuing organ's line and the page numbers: Noto Serif SC Regular, set large, the stand-in for
		 * 方正小标宋. Its Bold would be a closer display face, at 41 MB more heap per node. The {@code .docx} names 宋体,
		 * which every Chinese Windows and WPS has (方正小标宋简体 is not on a stock Windows).
		 */
		SONG("Song", "fonts/NotoSerifSC-Regular.ttf", "宋体"),

		/** The body: Noto Serif SC Regular, a Song face, for want of an open FangSong. */
		FANGSONG("FangSong", "fonts/NotoSerifSC-Regular.ttf", "仿宋"),

		/** 一、 headings and table heads: Noto Sans SC Regular. */
		HEI("Hei", "fonts/NotoSansSC-Regular.ttf", "黑体"),

		/** （一） headings: Ma Shan Zheng, a Kai face of the GB 2312 hanzi; the CSS falls back to FangSong beyond. */
		KAI("Kai", "fonts/MaShanZheng-Regular.ttf", "楷体");

		final String family;

		final String resource;

		final String docxFont;

		Face(String family, String resource, String docxFont) {
			this.family = family;
			this.resource = resource;
			this.docxFont = docxFont;
		}

	}

	/** The parsed fonts by their resource: faces drawn with the same font share it. */
	private final Map<String, TrueTypeFont> parsed = new HashMap<>();

	/** Fails at start-up, not at the first PDF, when the build did not bring a font. */
	ReportFonts() {
		for (Face face : Face.values()) {
			if (!new ClassPathResource(face.resource).exists()) {
				throw new IllegalStateException("The report font " + face.resource + " is missing from the build "
						+ "(the build fetches it: see pom.xml, report-fonts)");
			}
		}
	}

	/** The face's font for this PDF: a subset of the shared font, embedded when the document is saved. */
	PDType0Font embed(PDDocument document, Face face) {
		try {
			return PDType0Font.load(document, font(face), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The parsed font, parsed on first use and kept. */
	synchronized TrueTypeFont font(Face face) {
		return this.parsed.computeIfAbsent(face.resource, ReportFonts::parse);
	}

	private static TrueTypeFont parse(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
			font.setEnableGsub(false);
			preferIdeographs(font);
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The report font " + resource + " cannot be read", ex);
		}
	}

	/**
	 * Drops the radicals from the code points of glyphs shared with an ideograph, so that the PDF's text map
	 * (ToUnicode, built from the lowest code point of each glyph) gives the ideograph. PDFBox offers no way to do this,
	 * so it changes the cmap subtables' private glyph-to-code map, once, before the font is shared; a PDFBox upgrade
	 * that renames it fails here, and {@code ReportFormatsTests} check the copied text.
	 */
	@SuppressWarnings("unchecked")
	static void preferIdeographs(TrueTypeFont font) throws IOException {
		try {
			Field multiple = CmapSubtable.class.getDeclaredField("glyphIdToCharacterCodeMultiple");
			multiple.setAccessible(true);
			for (CmapSubtable subtable : font.getCmap().getCmaps()) {
				for (Map.Entry<Integer, List<Integer>> codes : ((Map<Integer, List<Integer>>) multiple.get(subtable))
					.entrySet()) {
					List<Integer> ideographs = codes.getValue().stream().filter((c) -> !isRadical(c)).toList();
					if (!ideographs.isEmpty()) {
						codes.setValue(ideographs);
					}
				}
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("Cannot adjust the cmap of " + font.getName() + " for this PDFBox", ex);
		}
	}

	private static boolean isRadical(int codePoint) {
		return codePoint >= 0x2E80 && codePoint <= 0x2FDF;
	}

}
