/*
 * The expression language of bookcheck: arithmetic as books write it, compiled to the operations of
 * the catalogue (org.bookcheck.reference.Operation) by org.bookcheck.expr.ExprCompiler. The README's
 * precedence table is read off the rules below, loosest first: relation, sum, product, unary, power,
 * postfix, primary. The same grammar reads the LaTeX-flavoured arithmetic of chapters (\times, \cdot,
 * \frac{a}{b}, \sqrt{x}, e^{x}, \ln x, bmatrix), so a step and a chapter line mean the same thing.
 *
 * Generated code goes to target/generated-sources/antlr4 and is never committed.
 */
grammar Expr;

// ---- entry points -------------------------------------------------------------------------------

/** A step's expression: a value, or one comparison (a qualitative claim). */
expression : relation EOF ;

/** A written-out chain as chapters print it: lhs = e₁ = e₂ ≈ v (read by the statement finder). */
chain : sum (relOp sum)+ tolerance? EOF ;

// ---- operators, loosest first -------------------------------------------------------------------

relation  : sum (relOp sum tolerance?)? ;
relOp     : LT | GT | EQ | APPROX ;
tolerance : PLUSMINUS sum ;

sum
    : sum op=(PLUS | MINUS) product                   # addition
    | product                                         # toProduct
    ;

product
    : product op=(TIMES | DOT | HADAMARD | AT | DIVIDE) unary   # multiplication
    | unary                                                     # toUnary
    ;

/** Unary minus and roots bind looser than powers: −x² is −(x²), √x^2 is √(x²). */
unary
    : op=(MINUS | PLUS) unary                         # sign
    | ROOT unary                                      # root
    | power                                           # toPower
    ;

/**
 * Right-associative: 2^3^2 is 2^(3^2); the exponent may carry a sign (e^-x). ExprCompiler reads e^x as exp,
 * A^T and A^{\top} as the transpose and A^{-1} of a matrix as its inverse.
 */
power : postfix (CARET unary)? ;

postfix : primary suffix* ;

suffix
    : LBRACK slot (COMMA slot)* RBRACK                # index
    | SQUARED                                         # squared
    | CUBED                                           # cubed
    | TRANSPOSED                                      # transposed
    | INVERTED                                        # inverted
    ;

/** An index from 0, or ':' for every row or column (A[:, 1] is a column). */
slot : COLON | sum ;

primary
    : NUMBER                                          # number
    | function LPAREN arguments? RPAREN               # call
    | LATEX_FUNCTION unary                            # latexApplication
    | name                                            # reference
    | LPAREN relation RPAREN                          # parenthesised
    | LBRACE sum RBRACE                               # group
    | PIPE sum PIPE                                   # absolute
    | LBRACK sum (COMMA sum)* RBRACK                  # list
    | FRAC LBRACE sum RBRACE LBRACE sum RBRACE        # fraction
    | SQRT LBRACE sum RBRACE                          # latexRoot
    | BEGIN_MATRIX matrixRow (ROW_SEP matrixRow)* ROW_SEP? END_MATRIX   # bmatrix
    ;

matrixRow : sum (AMP sum)* ;

function : name | LATEX_FUNCTION ;

/** A named argument is 'param = value'; write a comparison inside a call in parentheses. */
arguments : argument (COMMA argument)* ;
argument  : (NAME EQ)? sum ;

name : NAME | LATEX_NAME | TEXT_COMMAND LBRACE NAME RBRACE ;

// ---- tokens ---------------------------------------------------------------------------------------

/** 0.1, .5, 25, 1.2e-5, 1.2e−5, 25% and LaTeX's 25\%: one token, so a number keeps its printed digits. */
NUMBER : (DIGIT+ ('.' DIGIT+)? | '.' DIGIT+) ([eE] [+\-\u2212]? DIGIT+)? ('%' | '\\%')? ;

PLUS     : '+' ;
MINUS    : '-' | '\u2212' ;                              // - and the Unicode minus −
TIMES    : '\u00D7' | '*' | '\\times' ;                  // ×
DOT      : '\u00B7' | '\u22C5' | '\\cdot' ;              // · and ⋅
HADAMARD : '\u2299' | '\\odot' ;                         // ⊙
AT       : '@' ;
DIVIDE   : '/' | '\u00F7' | '\\div' ;                    // ÷
CARET    : '^' ;
SQUARED  : '\u00B2' ;                                    // ²
CUBED    : '\u00B3' ;                                    // ³
TRANSPOSED : '\u1D40' ;                                  // ᵀ
INVERTED : '\u207B\u00B9' ;                              // ⁻¹: the inverse of a matrix, 1/x of a number
ROOT     : '\u221A' ;                                    // √
LT       : '<' | '\\lt' ;
GT       : '>' | '\\gt' ;
EQ       : '=' ;
APPROX   : '\u2248' | '\\approx' ;                       // ≈
PLUSMINUS : '\u00B1' | '\\pm' ;                          // ±

LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
COMMA  : ',' ;
COLON  : ':' ;
PIPE   : '|' ;
AMP    : '&' ;
ROW_SEP : '\\\\' ;

FRAC  : '\\frac' | '\\dfrac' | '\\tfrac' ;
SQRT  : '\\sqrt' ;
BEGIN_MATRIX : '\\begin{' [bpvBV]? 'matrix}' ;
END_MATRIX   : '\\end{' [bpvBV]? 'matrix}' ;
TEXT_COMMAND : '\\text' | '\\mathrm' | '\\operatorname' | '\\mathbf' | '\\mathit' | '\\boldsymbol' ;
/** LaTeX functions that apply without parentheses: \ln x, \exp{x}. */
LATEX_FUNCTION : '\\' ('ln' | 'log' | 'exp' | 'max' | 'min' | 'tanh') ;
/** Spacing and sizing that change nothing: \left( is (, \, is nothing. */
LATEX_SPACING : ('\\left' | '\\right' | '\\,' | '\\;' | '\\:' | '\\!' | '\\quad' | '\\qquad') -> skip ;
/** Any other command is a name without its backslash: \eta is eta. */
LATEX_NAME : '\\' [a-zA-Z]+ ;

/**
 * A name of an input or step: letters (Greek too), digits and underscores, not starting with a digit;
 * a LaTeX subscript W_{old} is the name W_old, and subscript digits p₀ the name p_0. Superscripts (², ᵀ)
 * are operators, not letters.
 */
NAME : LETTER (LETTER | DIGIT | SUBSCRIPT | '_')* ('_{' (LETTER | DIGIT | '_' | ',')+ '}')? ;

WS : [ \t\r\n\u00A0]+ -> skip ;

fragment DIGIT  : [0-9] ;
fragment SUBSCRIPT : [\u2080-\u2089] ;                      // ₀ … ₉
fragment LETTER : [\p{Lu}\p{Ll}\p{Lt}\p{Lo}_] ;
