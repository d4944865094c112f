package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.model.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses HCL native syntax into {@link Hcl} trees. The parser first runs with SLL prediction and
 * bails out on the first error; only then does it parse again with full LL prediction, which is
 * slower but exact, and reports the first syntax error as {@code file:line:col: expected ... near ...}.
 */
final class HclReader {

  private final HclSource source;
  private final int maxDepth;
  private boolean fullLl;

  private HclReader(HclSource source, int maxDepth) {
    this.source = source;
    this.maxDepth = maxDepth;
  }

  /** Parses a whole {@code .tf} file. */
  static Hcl.File parse(HclSource source, int maxDepth) {
    HclReader reader = new HclReader(source, maxDepth);
    try {
      return reader.parseFile();
    } catch (StackOverflowError e) {
      throw new InputException(Location.ofFile(source.display()), "expressions nested too deeply to analyse");
    }
  }

  /**
   * Parses a template file (as {@code templatefile()} reads it): the whole text is template
   * content, as in a heredoc without its markers.
   */
  static Hcl.Template parseTemplate(HclSource source, int maxDepth) {
    HclReader reader = new HclReader(source, maxDepth);
    try {
      HclParser.TemplateFileContext ctx = reader.run(true, HclParser::templateFile);
      List<Hcl.Part> parts = new ArrayList<>();
      for (HclParser.TemplatePartContext p : ctx.templatePart()) {
        parts.add(reader.part(p));
      }
      return new Hcl.Template(new Hcl.Src(source, 0, source.text().length()), parts, true);
    } catch (StackOverflowError e) {
      throw new InputException(Location.ofFile(source.display()), "expressions nested too deeply to analyse");
    }
  }

  /** True when the file needed the slower full-LL pass (SLL prediction failed on it). */
  static boolean needsFullLl(HclSource source, int maxDepth) {
    HclReader reader = new HclReader(source, maxDepth);
    reader.parseFile();
    return reader.fullLl;
  }

  private Hcl.File parseFile() {
    List<Hcl.Comment> comments = new ArrayList<>();
    HclParser.ConfigFileContext ctx = run(false, HclParser::configFile, comments);
    return new Hcl.File(source, body(ctx.body()), comments);
  }

  private <T extends ParserRuleContext> T run(boolean template, java.util.function.Function<HclParser, T> rule) {
    return run(template, rule, new ArrayList<>());
  }

  private <T extends ParserRuleContext> T run(boolean template, java.util.function.Function<HclParser, T> rule,
      List<Hcl.Comment> comments) {
    HclLexer lexer = lexer(template);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    HclParser parser = new HclParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    T result;
    try {
      result = rule.apply(parser);
    } catch (ParseCancellationException e) {
      fullLl = true;
      lexer = lexer(template);
      tokens = new CommonTokenStream(lexer);
      parser = new HclParser(tokens);
      parser.removeErrorListeners();
      parser.addErrorListener(new Errors(lexer));
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      result = rule.apply(parser);
    } catch (HclLexer.NestingException e) {
      throw tooDeep(e);
    }
    for (Token t : tokens.getTokens()) {
      if (t.getChannel() == Token.HIDDEN_CHANNEL) {
        Hcl.Src src = src(t, t);
        comments.add(new Hcl.Comment(src.text(), src));
      }
    }
    return result;
  }

  private InputException tooDeep(HclLexer.NestingException e) {
    return new InputException(Location.at(source.display(), e.line, e.column + 1, ""),
        "brackets nested deeper than " + maxDepth + " levels");
  }

  private HclLexer lexer(boolean template) {
    HclLexer lexer = new HclLexer(CharStreams.fromString(source.text(), source.display()));
    lexer.setMaxDepth(maxDepth);
    lexer.removeErrorListeners();
    lexer.addErrorListener(new LexerErrors());
    if (template) {
      lexer.pushMode(HclLexer.HEREDOC);
    }
    return lexer;
  }

  /** Lexer errors: a character no token starts with, a quoted string cut by a newline. */
  private final class LexerErrors extends BaseErrorListener {
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
        String msg, RecognitionException e) {
      Lexer lexer = (Lexer) recognizer;
      Location at = Location.at(source.display(), line, charPositionInLine + 1, "");
      int c = lexer.getInputStream().LA(1);
      if (lexer._mode == HclLexer.TEMPLATE) {
        if (c == '\n' || c == '\r' || c == -1) {
          throw new InputException(at, "unterminated string: a quoted string must end on the line it starts on");
        }
      }
      String shown = c == -1 ? "end of file" : "'" + new String(Character.toChars(c)) + "'";
      throw new InputException(at, "unexpected character " + shown);
    }
  }

  /** Parser errors: what was expected near the offending token. */
  private final class Errors extends BaseErrorListener {
    private final HclLexer lexer;

    Errors(HclLexer lexer) {
      this.lexer = lexer;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
        String msg, RecognitionException e) {
      Token token = (Token) offendingSymbol;
      HclParser parser = (HclParser) recognizer;
      if (token != null && token.getType() == Token.EOF && lexer.openHeredoc() != null) {
        String open = lexer.openHeredoc();
        int atSign = open.lastIndexOf('@');
        String[] position = open.substring(atSign + 1).split(":");
        throw new InputException(Location.at(source.display(), Integer.parseInt(position[0]),
            Integer.parseInt(position[1]), ""),
            "heredoc <<" + open.substring(0, atSign) + " is not closed: expected a line with "
                + open.substring(0, atSign) + " alone");
      }
      IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
          : parser.getExpectedTokens();
      String near = token == null || token.getType() == Token.EOF ? "end of file" : "'" + shorten(token.getText()) + "'";
      Location at = Location.at(source.display(), line, charPositionInLine + 1, "");
      throw new InputException(at, "expected " + describe(expected) + " near " + near);
    }
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\r", "").replace("\n", "\\n");
    return oneLine.length() > 30 ? oneLine.substring(0, 30) + "..." : oneLine;
  }

  private static String describe(IntervalSet expected) {
    List<String> names = new ArrayList<>();
    boolean expression = false;
    for (int type : expected.toList()) {
      String name = switch (type) {
        case HclLexer.NUMBER, HclLexer.TRUE, HclLexer.FALSE, HclLexer.NULL, HclLexer.QUOTE,
            HclLexer.HEREDOC_START, HclLexer.MINUS, HclLexer.NOT, HclLexer.LPAREN -> {
          expression = true;
          yield null;
        }
        case HclLexer.NL -> "a newline";
        case HclLexer.IDENT -> "a name";
        case Token.EOF -> "end of file";
        case HclLexer.QUOTE_END -> "'\"'";
        case HclLexer.TEMPLATE_END -> "'}'";
        case HclLexer.HEREDOC_END -> "the heredoc's end marker";
        case HclLexer.LBRACE -> "'{'";
        case HclLexer.RBRACE -> "'}'";
        case HclLexer.LBRACK -> "'['";
        case HclLexer.RBRACK -> "']'";
        case HclLexer.RPAREN -> "')'";
        default -> {
          String literal = HclLexer.VOCABULARY.getLiteralName(type);
          yield literal;
        }
      };
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    if (expression) {
      names.add(0, "an expression");
    }
    if (names.isEmpty()) {
      return "something else";
    }
    if (names.size() > 6) {
      names = new ArrayList<>(names.subList(0, 6));
      names.add("...");
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  // ---- building the tree ----

  private Hcl.Src src(Token start, Token stop) {
    int s = source.offsetOfCodePoint(start.getStartIndex());
    Token last = stop == null || stop.getStopIndex() < start.getStartIndex() ? start : stop;
    int e = source.offsetOfCodePoint(last.getStopIndex() + 1);
    return new Hcl.Src(source, s, Math.max(s, e));
  }

  private Hcl.Src src(ParserRuleContext ctx) {
    return src(ctx.getStart(), ctx.getStop());
  }

  private Hcl.Src src(TerminalNode node) {
    return src(node.getSymbol(), node.getSymbol());
  }

  private Hcl.Body body(HclParser.BodyContext ctx) {
    List<Hcl.Attribute> attributes = new ArrayList<>();
    List<Hcl.Block> blocks = new ArrayList<>();
    for (HclParser.ItemContext item : ctx.item()) {
      if (item instanceof HclParser.AttributeContext a) {
        attributes.add(new Hcl.Attribute(a.name().getText(), expr(a.expression()), src(a), src(a.name())));
      } else if (item instanceof HclParser.BlockContext b) {
        List<String> labels = new ArrayList<>();
        for (HclParser.BlockLabelContext l : b.blockLabel()) {
          labels.add(l.name() != null ? l.name().getText() : literalText(l.stringPart()));
        }
        blocks.add(new Hcl.Block(b.name().getText(), labels, body(b.body()), src(b), src(b.name())));
      }
    }
    return new Hcl.Body(attributes, blocks);
  }

  private String literalText(List<HclParser.StringPartContext> parts) {
    StringBuilder sb = new StringBuilder();
    for (HclParser.StringPartContext p : parts) {
      sb.append(Literals.decode(literal(p)).text());
    }
    return sb.toString();
  }

  private Hcl.Literal literal(HclParser.StringPartContext p) {
    Token t = p.getStart();
    Hcl.LiteralKind kind = switch (t.getType()) {
      case HclLexer.QUOTED_TEXT -> Hcl.LiteralKind.QUOTED;
      case HclLexer.ESCAPED_INTERP, HclLexer.ESCAPED_DIRECTIVE -> Hcl.LiteralKind.ESCAPED_MARKER;
      default -> Hcl.LiteralKind.PLAIN;
    };
    return new Hcl.Literal(src(t, t), kind);
  }

  private Hcl.Expr expr(HclParser.ExpressionContext ctx) {
    Hcl.Src src = src(ctx);
    if (ctx instanceof HclParser.TermExprContext t) {
      return term(t.exprTerm());
    }
    if (ctx instanceof HclParser.UnaryExprContext u) {
      return new Hcl.Unary(src, u.op.getText(), expr(u.expression()));
    }
    if (ctx instanceof HclParser.BinaryExprContext b) {
      return new Hcl.Binary(src, b.op.getText(), expr(b.expression(0)), expr(b.expression(1)));
    }
    HclParser.ConditionalExprContext c = (HclParser.ConditionalExprContext) ctx;
    return new Hcl.Conditional(src, expr(c.expression(0)), expr(c.expression(1)), expr(c.expression(2)));
  }

  private Hcl.Expr term(HclParser.ExprTermContext ctx) {
    Hcl.Src src = src(ctx);
    if (ctx instanceof HclParser.PrimaryTermContext p) {
      return primary(p.primary());
    }
    if (ctx instanceof HclParser.IndexTermContext i) {
      return new Hcl.Index(src, term(i.exprTerm()), expr(i.expression()));
    }
    if (ctx instanceof HclParser.AttrTermContext a) {
      return new Hcl.GetAttr(src, term(a.exprTerm()), a.name().getText());
    }
    if (ctx instanceof HclParser.LegacyIndexTermContext l) {
      Hcl.Expr target = term(l.exprTerm());
      for (String digits : l.NUMBER().getText().split("\\.")) {
        target = new Hcl.Index(src, target, new Hcl.NumberLit(src(l.NUMBER()), new BigDecimal(digits)));
      }
      return target;
    }
    if (ctx instanceof HclParser.AttrSplatTermContext s) {
      return new Hcl.Splat(src, term(s.exprTerm()));
    }
    HclParser.FullSplatTermContext s = (HclParser.FullSplatTermContext) ctx;
    return new Hcl.Splat(src, term(s.exprTerm()));
  }

  private Hcl.Expr primary(HclParser.PrimaryContext ctx) {
    Hcl.Src src = src(ctx);
    if (ctx instanceof HclParser.NumberLitContext n) {
      return new Hcl.NumberLit(src, new BigDecimal(n.NUMBER().getText()));
    }
    if (ctx instanceof HclParser.TrueLitContext) {
      return new Hcl.BoolLit(src, true);
    }
    if (ctx instanceof HclParser.FalseLitContext) {
      return new Hcl.BoolLit(src, false);
    }
    if (ctx instanceof HclParser.NullLitContext) {
      return new Hcl.NullLit(src);
    }
    if (ctx instanceof HclParser.QuotedTemplateContext q) {
      return new Hcl.Template(src, parts(q.templatePart()), false);
    }
    if (ctx instanceof HclParser.HeredocTemplateContext h) {
      return new Hcl.Template(src, parts(h.templatePart()), true);
    }
    if (ctx instanceof HclParser.ForTupleContext f) {
      HclParser.ForHeadContext head = f.forIntro().forHead();
      List<HclParser.ExpressionContext> exprs = f.expression();
      return new Hcl.ForExpr(src, forKey(head), forValue(head), expr(head.expression()), Optional.empty(),
          expr(exprs.get(0)), false, exprs.size() > 1 ? Optional.of(expr(exprs.get(1))) : Optional.empty());
    }
    if (ctx instanceof HclParser.ForObjectContext f) {
      HclParser.ForHeadContext head = f.forIntro().forHead();
      List<HclParser.ExpressionContext> exprs = f.expression();
      return new Hcl.ForExpr(src, forKey(head), forValue(head), expr(head.expression()),
          Optional.of(expr(exprs.get(0))), expr(exprs.get(1)), f.ELLIPSIS() != null,
          exprs.size() > 2 ? Optional.of(expr(exprs.get(2))) : Optional.empty());
    }
    if (ctx instanceof HclParser.TupleContext t) {
      return new Hcl.TupleExpr(src, t.expression().stream().map(this::expr).toList());
    }
    if (ctx instanceof HclParser.ObjectContext o) {
      List<Hcl.ObjectItem> items = new ArrayList<>();
      for (HclParser.ObjectElemContext e : o.objectElem()) {
        HclParser.ObjectKeyContext key = e.objectKey();
        Hcl.Expr value = expr(e.expression());
        if (key.name() != null) {
          Hcl.Src keySrc = src(key);
          items.add(new Hcl.ObjectItem(Optional.of(key.name().getText()), new Hcl.Var(keySrc, key.name().getText()),
              value));
        } else {
          items.add(new Hcl.ObjectItem(Optional.empty(), expr(key.expression()), value));
        }
      }
      return new Hcl.ObjectExpr(src, items);
    }
    if (ctx instanceof HclParser.FunctionCallContext f) {
      String name = String.join("::", f.IDENT().stream().map(TerminalNode::getText).toList());
      return new Hcl.Call(src, name, f.expression().stream().map(this::expr).toList(), f.ELLIPSIS() != null);
    }
    if (ctx instanceof HclParser.VariableContext v) {
      return new Hcl.Var(src, v.IDENT().getText());
    }
    HclParser.ParensContext p = (HclParser.ParensContext) ctx;
    return new Hcl.Parens(src, expr(p.expression()));
  }

  private static Optional<String> forKey(HclParser.ForHeadContext head) {
    return head.name().size() > 1 ? Optional.of(head.name(0).getText()) : Optional.empty();
  }

  private static String forValue(HclParser.ForHeadContext head) {
    return head.name(head.name().size() - 1).getText();
  }

  private List<Hcl.Part> parts(List<HclParser.TemplatePartContext> contexts) {
    List<Hcl.Part> out = new ArrayList<>(contexts.size());
    for (HclParser.TemplatePartContext c : contexts) {
      out.add(part(c));
    }
    return out;
  }

  private Hcl.Part part(HclParser.TemplatePartContext ctx) {
    if (ctx instanceof HclParser.LiteralPartContext l) {
      return literal(l.stringPart());
    }
    if (ctx instanceof HclParser.InterpolationPartContext i) {
      return new Hcl.Interpolation(expr(i.expression()), src(i));
    }
    if (ctx instanceof HclParser.IfDirectiveContext d) {
      List<Hcl.Part> then = new ArrayList<>();
      List<Hcl.Part> otherwise = new ArrayList<>();
      boolean inElse = false;
      for (org.antlr.v4.runtime.tree.ParseTree child : d.children) {
        if (child instanceof TerminalNode t && t.getSymbol().getType() == HclLexer.ELSE) {
          inElse = true;
        } else if (child instanceof HclParser.TemplatePartContext p) {
          (inElse ? otherwise : then).add(part(p));
        }
      }
      return new Hcl.IfDirective(expr(d.expression()), then, otherwise, src(d));
    }
    HclParser.ForDirectiveContext f = (HclParser.ForDirectiveContext) ctx;
    HclParser.ForHeadContext head = f.forHead();
    return new Hcl.ForDirective(forKey(head), forValue(head), expr(head.expression()), parts(f.templatePart()),
        src(f));
  }
}
