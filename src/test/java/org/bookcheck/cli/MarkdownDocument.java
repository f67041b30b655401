package org.bookcheck.cli;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown as a chapter's renderer reads it (commonmark): how many headings, and the literal text of its
 * paragraphs, one line each. Display math that is paragraph text (not a code block) is what MathJax typesets.
 */
record MarkdownDocument(int headings, String paragraphs) {

    static MarkdownDocument parse(String markdown) {
        StringBuilder paragraphs = new StringBuilder();
        int[] headings = {0};
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings[0]++;
                visitChildren(heading);
            }

            @Override
            public void visit(Paragraph paragraph) {
                for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof Text t) {
                        paragraphs.append(t.getLiteral());
                    }
                }
                paragraphs.append('\n');
            }
        });
        return new MarkdownDocument(headings[0], paragraphs.toString());
    }
}
