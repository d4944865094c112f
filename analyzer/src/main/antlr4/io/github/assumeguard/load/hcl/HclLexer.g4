/*
 * HCL2 native syntax (the Terraform .tf language), lexer.
 *
 * Newlines end attributes and separate object elements, but inside parentheses, brackets and
 * template interpolations they are only whitespace: the lexer keeps a stack of open brackets and
 * drops a newline unless it stands directly in a brace (a block body or an object) or at the top
 * level. Quoted templates and heredocs have modes of their own; "${" and "%{" inside them return
 * to the default mode until the matching "}".
 */
lexer grammar HclLexer;

tokens { TEMPLATE_END }

@lexer::members {
  private static final int BRACE = 0;
  private static final int PAREN = 1;
  private static final int BRACKET = 2;
  private static final int INTERPOLATION = 3;

  private final java.util.ArrayDeque<Integer> nesting = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<String> heredocMarkers = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<Integer> heredocLines = new java.util.ArrayDeque<>();
  private boolean atLineStart;
  private int maxDepth = Integer.MAX_VALUE;

  /** Bounds the nesting of brackets, braces, parentheses and interpolations. */
  public void setMaxDepth(int depth) {
    this.maxDepth = depth;
  }

  /** True when more brackets are open than the limit allows (the reader then stops with an error). */
  public boolean tooDeep() {
    return nesting.size() > maxDepth;
  }

  /** The marker and start line of the innermost heredoc still open at the end of input, if any. */
  public String openHeredoc() {
    return heredocMarkers.isEmpty() ? null
        : heredocMarkers.peek() + "@" + heredocLines.peek() / 10000 + ":" + heredocLines.peek() % 10000;
  }

  private void open(int kind) {
    nesting.push(kind);
    if (tooDeep()) {
      throw new NestingException(getLine(), getCharPositionInLine());
    }
  }

  /** Thrown when the input nests deeper than the limit. */
  public static final class NestingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int line;
    public final int column;

    NestingException(int line, int column) {
      super("nested too deeply", null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private void close() {
    if (!nesting.isEmpty()) {
      nesting.pop();
    }
  }

  private boolean newlineCounts() {
    return nesting.isEmpty() || nesting.peek() == BRACE;
  }

  /** A closing brace that ends an interpolation or directive returns to the template. */
  private void closeBrace() {
    if (!nesting.isEmpty() && nesting.peek() == INTERPOLATION) {
      nesting.pop();
      setType(TEMPLATE_END);
      popMode();
    } else {
      close();
    }
  }

  private void startInterpolation() {
    open(INTERPOLATION);
    pushMode(DEFAULT_MODE);
  }

  private void startHeredoc() {
    String text = getText();
    int from = text.charAt(2) == '-' ? 3 : 2;
    int to = from;
    while (to < text.length() && text.charAt(to) != ' ' && text.charAt(to) != '\t'
        && text.charAt(to) != '\r' && text.charAt(to) != '\n') {
      to++;
    }
    heredocMarkers.push(text.substring(from, to));
    heredocLines.push(_tokenStartLine * 10000 + _tokenStartCharPositionInLine + 1);
    pushMode(HEREDOC);
  }

  /** True when the text from the token start is, trimmed, the open heredoc's marker on a line of its own. */
  private boolean heredocEndsHere() {
    if (!atLineStart || heredocMarkers.isEmpty()) {
      return false;
    }
    int next = _input.LA(1);
    if (next != '\n' && next != '\r' && next != org.antlr.v4.runtime.IntStream.EOF) {
      return false;
    }
    String text = _input.getText(org.antlr.v4.runtime.misc.Interval.of(_tokenStartCharIndex, _input.index() - 1));
    return text.strip().equals(heredocMarkers.peek());
  }

  /** Heredoc end markers count only at the start of a line: remember whether the last token ended one. */
  @Override
  public org.antlr.v4.runtime.Token emit() {
    org.antlr.v4.runtime.Token token = super.emit();
    atLineStart = token.getType() == HEREDOC_NEWLINE || token.getType() == HEREDOC_START;
    return token;
  }

  private void endHeredoc() {
    heredocMarkers.pop();
    heredocLines.pop();
    popMode();
  }
}

// ---- default mode: configuration and expressions ----

LINE_COMMENT    : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT   : '/*' .*? '*/' -> channel(HIDDEN) ;
NL              : '\r'? '\n' { if (!newlineCounts()) skip(); } ;
WS              : [ \t\r\f]+ -> skip ;

HEREDOC_START   : '<<' '-'? ID_START ID_CONTINUE* [ \t]* '\r'? '\n' { startHeredoc(); } ;

LBRACE          : '{' { open(BRACE); } ;
RBRACE          : '~'? '}' { closeBrace(); } ;
LPAREN          : '(' { open(PAREN); } ;
RPAREN          : ')' { close(); } ;
LBRACK          : '[' { open(BRACKET); } ;
RBRACK          : ']' { close(); } ;

QUOTE           : '"' -> pushMode(TEMPLATE) ;

FOR             : 'for' ;
IN              : 'in' ;
IF              : 'if' ;
ELSE            : 'else' ;
ENDIF           : 'endif' ;
ENDFOR          : 'endfor' ;
TRUE            : 'true' ;
FALSE           : 'false' ;
NULL            : 'null' ;

NUMBER          : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;
IDENT           : ID_START ID_CONTINUE* ;

EQ              : '==' ;
NEQ             : '!=' ;
LE              : '<=' ;
GE              : '>=' ;
LT              : '<' ;
GT              : '>' ;
AND             : '&&' ;
OR              : '||' ;
NOT             : '!' ;
PLUS            : '+' ;
MINUS           : '-' ;
STAR            : '*' ;
SLASH           : '/' ;
PERCENT         : '%' ;
QUESTION        : '?' ;
DOUBLE_COLON    : '::' ;
COLON           : ':' ;
ARROW           : '=>' ;
ELLIPSIS        : '...' ;
DOT             : '.' ;
COMMA           : ',' ;
ASSIGN          : '=' ;

fragment DIGIT       : [0-9] ;
fragment ID_START    : [\p{L}_] ;
fragment ID_CONTINUE : [\p{L}\p{N}\p{Mn}\p{Mc}_-] ;

// ---- a quoted template: "...${expr}...%{ directive }..." ----

mode TEMPLATE;

QUOTE_END           : '"' -> popMode ;
INTERPOLATION_START : '${' '~'? { startInterpolation(); } ;
DIRECTIVE_START     : '%{' '~'? { startInterpolation(); } ;
ESCAPED_INTERP      : '$${' ;
ESCAPED_DIRECTIVE   : '%%{' ;
TEMPLATE_DOLLAR     : '$' ;
TEMPLATE_PERCENT    : '%' ;
QUOTED_TEXT         : ( ~["\\$%\r\n] | '\\' ~[\r\n] )+ ;

// ---- a heredoc: <<EOF or <<-EOF, lines up to the marker alone on a line ----

mode HEREDOC;

HEREDOC_END         : [ \t]* ID_START ID_CONTINUE* [ \t]* { heredocEndsHere() }? { endHeredoc(); } ;
HD_INTERP_START     : '${' '~'? { startInterpolation(); } -> type(INTERPOLATION_START) ;
HD_DIRECTIVE_START  : '%{' '~'? { startInterpolation(); } -> type(DIRECTIVE_START) ;
HD_ESCAPED_INTERP   : '$${' -> type(ESCAPED_INTERP) ;
HD_ESCAPED_DIRECTIVE: '%%{' -> type(ESCAPED_DIRECTIVE) ;
HD_DOLLAR           : '$' -> type(TEMPLATE_DOLLAR) ;
HD_PERCENT          : '%' -> type(TEMPLATE_PERCENT) ;
HEREDOC_NEWLINE     : '\r'? '\n' ;
HEREDOC_TEXT        : ~[$%\r\n]+ ;
