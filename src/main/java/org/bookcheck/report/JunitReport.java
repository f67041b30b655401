package org.bookcheck.report;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bookcheck.check.Failure;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.fixture.FixtureError;

/**
 * The verify report as JUnit XML, so a book's CI shows every checked value as a test: one test suite
 * per chapter, one test case per printed value ({@code fixture › step (line N)}) that fails when its
 * claim fails; unusable fixtures and failing quotes as errors in a suite of their own.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(ReportView view) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "bookcheck");
            long all = view.report().findings().count() + view.failures().size() + view.errors().size();
            long failed = view.report().findings().filter(Finding::failsClaim).count();
            xml.writeAttribute("tests", Long.toString(all));
            xml.writeAttribute("failures", Long.toString(failed));
            xml.writeAttribute("errors", Long.toString(view.failures().size() + view.errors().size()));
            for (String chapter : view.allChapters()) {
                List<Finding> findings = view.findings(chapter);
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", chapter);
                xml.writeAttribute("tests", Integer.toString(findings.size()));
                xml.writeAttribute("failures", Long.toString(findings.stream().filter(Finding::failsClaim).count()));
                xml.writeAttribute("errors", "0");
                for (Finding f : findings) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", chapter.replaceFirst("\\.md$", "") + "." + f.fixtureId());
                    xml.writeAttribute("name", f.step() + " (line " + f.location().line() + "): " + FindingText.label(f));
                    xml.writeAttribute("file", "chapters/" + chapter);
                    xml.writeAttribute("line", Integer.toString(f.location().line()));
                    if (f.failsClaim()) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", FindingText.label(f) + ": printed " + f.printed().text() + ", exact " + f.exactRounded());
                        xml.writeCharacters(Failure.of(f).text());
                        xml.writeEndElement();
                    } else {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(FindingText.line(f));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            List<Failure> failures = view.failures();
            List<FixtureError> errors = view.errors();
            if (!failures.isEmpty() || !errors.isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "fixtures");
                xml.writeAttribute("tests", Integer.toString(failures.size() + errors.size()));
                xml.writeAttribute("failures", "0");
                xml.writeAttribute("errors", Integer.toString(failures.size() + errors.size()));
                for (Failure failure : failures) {
                    errorCase(xml, "claim", failure.text().lines().findFirst().orElse(""), failure.text());
                }
                for (FixtureError e : errors) {
                    errorCase(xml, JsonReport.relative(view.report().root(), e.file()), e.message(), e.render(view.report().root()));
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return text + "\n";
    }

    private static void errorCase(XMLStreamWriter xml, String name, String message, String detail) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "fixtures");
        xml.writeAttribute("name", name);
        xml.writeStartElement("error");
        xml.writeAttribute("message", message);
        xml.writeCharacters(detail);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
