package io.github.assumeguard.load.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HclReaderTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path CORPUS = REPO.getParent().resolve("shared/corpus");

  private static Hcl.File parse(String text) {
    return HclReader.parse(new HclSource("main.tf", Path.of("main.tf"), text), 500);
  }

  private static String error(String text) {
    try {
      parse(text);
    } catch (InputException e) {
      return e.location() + ": " + e.getMessage();
    }
    throw new AssertionError("parsed without error: " + text);
  }

  @Test
  void everyTerraformFileOfThePeerCorpusParses() throws IOException {
    assertThat(CORPUS).as("the shared corpus next to the repository").isDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    for (Path f : files) {
      String text = SourceText.read(f, f.toString(), Limits.defaults());
      Hcl.File parsed = HclReader.parse(new HclSource(f.toString(), f, text), 500);
      assertThat(parsed.body().blocks()).as(f.toString()).isNotEmpty();
      assertThat(HclReader.needsFullLl(new HclSource(f.toString(), f, text), 500)).as("SLL suffices for %s", f).isFalse();
    }
  }

  @Test
  void everyTerraformSampleParsesWithSllPredictionAlone() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(REPO.resolve("samples"))) {
      files = walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String text = Files.readString(f);
      assertThat(HclReader.needsFullLl(new HclSource(f.toString(), f, text), 500)).as(f.toString()).isFalse();
    }
  }

  @Test
  void bodiesBlocksLabelsAndAttributesWithPositions() {
    Hcl.File f = parse("""
        # comment
        resource "aws_iam_role" "deploy" {
          name = "deploy"
          lifecycle { create_before_destroy = true }
        }
        one_line "x" {}
        """);
    Hcl.Block role = f.body().blocks().get(0);
    assertThat(role.type()).isEqualTo("resource");
    assertThat(role.labels()).containsExactly("aws_iam_role", "deploy");
    assertThat(role.src().location().line()).isEqualTo(2);
    assertThat(role.src().location().endLine()).isEqualTo(5);
    Hcl.Attribute name = role.body().attribute("name").orElseThrow();
    assertThat(name.src().location().toString()).isEqualTo("main.tf:3:3");
    assertThat(name.value().src().location().column()).isEqualTo(10);
    assertThat(role.body().blocks("lifecycle")).hasSize(1);
    assertThat(f.body().blocks().get(1).labels()).containsExactly("x");
    assertThat(f.comments()).extracting(Hcl.Comment::text).containsExactly("# comment");
  }

  @Test
  void everyExpressionForm() {
    Hcl.File f = parse("""
        locals {
          a = [for i, v in var.list : upper(v) if v != ""]
          b = { for k, v in var.map : k => v... if true }
          c = var.x ? -1 : !false && 1 + 2 * 3 >= 4 || 5 % 2 == 1
          d = aws_iam_role.r[*].arn
          e = var.objs.*.id
          f = local.nested.list.0
          g = provider::aws::arn_parse("arn:aws:iam::111122223333:root").account_id
          h = concat(["a"], local.more...)
          i = "x %{ if var.on }on%{ else }off%{ endif } %{ for s in var.l }${s}%{ endfor } $${x} %%{y}"
          j = {
            "quoted-key" = 1
            bare         = 2,
            (var.k)      = 3
            colon: 4
          }
          k = (
            1 +
            2
          )
          l = <<-EOT
            indented ${var.x}
            EOT
          m = []
          n = {}
        }
        """);
    List<Hcl.Attribute> attrs = f.body().blocks().get(0).body().attributes();
    assertThat(attrs).hasSize(14);
    assertThat(attrs.get(0).value()).isInstanceOf(Hcl.ForExpr.class);
    assertThat(((Hcl.ForExpr) attrs.get(1).value()).grouping()).isTrue();
    assertThat(attrs.get(2).value()).isInstanceOf(Hcl.Conditional.class);
    assertThat(attrs.get(3).value()).isInstanceOf(Hcl.GetAttr.class);
    assertThat(attrs.get(5).value()).isInstanceOf(Hcl.Index.class);
    assertThat(attrs.get(6).value()).isInstanceOf(Hcl.GetAttr.class);
    assertThat(((Hcl.Call) attrs.get(7).value()).expandLast()).isTrue();
    Hcl.Template i = (Hcl.Template) attrs.get(8).value();
    assertThat(i.parts()).hasAtLeastOneElementOfType(Hcl.IfDirective.class)
        .hasAtLeastOneElementOfType(Hcl.ForDirective.class);
    Hcl.ObjectExpr j = (Hcl.ObjectExpr) attrs.get(9).value();
    assertThat(j.items()).hasSize(4);
    assertThat(j.items().get(1).bareKey()).contains("bare");
    assertThat(((Hcl.Template) attrs.get(11).value()).heredoc()).isTrue();
  }

  @Test
  void precedenceFollowsHcl() {
    Hcl.File f = parse("x = 1 + 2 * 3 == 7 && true\n");
    Hcl.Binary and = (Hcl.Binary) f.body().attributes().get(0).value();
    assertThat(and.op()).isEqualTo("&&");
    Hcl.Binary eq = (Hcl.Binary) and.left();
    assertThat(eq.op()).isEqualTo("==");
    assertThat(((Hcl.Binary) eq.left()).op()).isEqualTo("+");
  }

  @Test
  void heredocEndsOnlyAtItsMarkerAloneOnALine() {
    Hcl.File f = parse("""
        x = <<EOF
        EOFX is not the end
          EOF
        y = 1
        """);
    assertThat(f.body().attributes()).extracting(Hcl.Attribute::name).containsExactly("x", "y");
    Hcl.Template t = (Hcl.Template) f.body().attributes().get(0).value();
    assertThat(t.src().location().endLine()).isEqualTo(3);
  }

  @Test
  void syntaxErrorsNameLineColumnAndWhatWasExpected() {
    assertThat(error("resource \"a\" \"b\" {\n  x = \"abc\n}\n"))
        .isEqualTo("main.tf:2:11: unterminated string: a quoted string must end on the line it starts on");
    assertThat(error("locals {\n  x = <<EOF\nabc\n"))
        .isEqualTo("main.tf:2:7: heredoc <<EOF is not closed: expected a line with EOF alone");
    assertThat(error("locals {\n  x = 1 @ 2\n}\n")).isEqualTo("main.tf:2:9: unexpected character '@'");
    assertThat(error("locals {\n  x = [1, 2\n  y = 3\n}\n")).isEqualTo("main.tf:3:3: expected ']' or ',' near 'y'");
    assertThat(error("resource \"a\" \"b\" {\n  x = 1\n")).startsWith("main.tf:3:1: expected '}' near end of file");
    assertThat(error("x = \n")).startsWith("main.tf:1:5: expected an expression");
  }

  @Test
  void nestingIsBounded() {
    String deep = "x = " + "[".repeat(600) + "]".repeat(600) + "\n";
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(InputException.class)
        .hasMessage("brackets nested deeper than 500 levels");
  }

  @Test
  void templateFilesParseAsTemplateContent() {
    Hcl.Template t = HclReader.parseTemplate(new HclSource("trust.json.tpl", Path.of("trust.json.tpl"),
        "{\"AWS\": \"arn:aws:iam::${account}:root\"}\n"), 500);
    assertThat(t.parts()).hasAtLeastOneElementOfType(Hcl.Interpolation.class);
  }
}
