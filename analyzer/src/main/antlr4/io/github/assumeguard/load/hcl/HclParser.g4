/*
 * HCL2 native syntax (the Terraform .tf language), parser: bodies of attributes and blocks, and
 * every expression form of the HCL specification (literals, quoted and heredoc templates with
 * interpolations and directives, tuples, objects, function calls, index and attribute access,
 * splats, for expressions, operators by HCL's precedence, conditionals).
 */
parser grammar HclParser;

options { tokenVocab = HclLexer; }

configFile
  : body EOF
  ;

body
  : (NL | item)*
  ;

// a file read by templatefile(): template content only (the lexer starts in heredoc mode)
templateFile
  : templatePart* EOF
  ;

item
  : name ASSIGN expression                          # attribute
  | name blockLabel* LBRACE body RBRACE             # block
  ;

blockLabel
  : name
  | QUOTE stringPart* QUOTE_END
  ;

name
  : IDENT | FOR | IN | IF | ELSE | ENDIF | ENDFOR | TRUE | FALSE | NULL
  ;

// Operators by HCL precedence, tightest first; the conditional binds loosest.
expression
  : exprTerm                                                     # termExpr
  | op=(MINUS | NOT) expression                                  # unaryExpr
  | expression op=(STAR | SLASH | PERCENT) expression            # binaryExpr
  | expression op=(PLUS | MINUS) expression                      # binaryExpr
  | expression op=(LT | LE | GT | GE) expression                 # binaryExpr
  | expression op=(EQ | NEQ) expression                          # binaryExpr
  | expression op=AND expression                                 # binaryExpr
  | expression op=OR expression                                  # binaryExpr
  | <assoc=right> expression QUESTION expression COLON expression # conditionalExpr
  ;

exprTerm
  : primary                                         # primaryTerm
  | exprTerm LBRACK expression RBRACK               # indexTerm
  | exprTerm DOT name                               # attrTerm
  | exprTerm DOT NUMBER                             # legacyIndexTerm
  | exprTerm DOT STAR                               # attrSplatTerm
  | exprTerm LBRACK STAR RBRACK                     # fullSplatTerm
  ;

primary
  : NUMBER                                          # numberLit
  | TRUE                                            # trueLit
  | FALSE                                           # falseLit
  | NULL                                            # nullLit
  | QUOTE templatePart* QUOTE_END                   # quotedTemplate
  | HEREDOC_START templatePart* HEREDOC_END         # heredocTemplate
  | LBRACK FOR forIntro expression (IF expression)? RBRACK                     # forTuple
  | LBRACE NL* FOR forIntro NL* expression NL* ARROW NL* expression NL*
      ELLIPSIS? NL* (IF expression NL*)? RBRACE                                # forObject
  | LBRACK (expression (COMMA expression)* COMMA?)? RBRACK                     # tuple
  | LBRACE NL* (objectElem (objectSep objectElem)* objectSep?)? RBRACE         # object
  | IDENT (DOUBLE_COLON IDENT)* LPAREN (expression (COMMA expression)* (COMMA | ELLIPSIS)?)? RPAREN # functionCall
  | IDENT                                           # variable
  | LPAREN expression RPAREN                        # parens
  ;

forIntro
  : forHead COLON
  ;

forHead
  : name (COMMA name)? IN expression
  ;

objectSep
  : COMMA NL*
  | NL+
  ;

objectElem
  : objectKey (ASSIGN | COLON) expression
  ;

objectKey
  : name
  | expression
  ;

templatePart
  : stringPart                                                         # literalPart
  | INTERPOLATION_START expression TEMPLATE_END                        # interpolationPart
  | DIRECTIVE_START IF expression TEMPLATE_END templatePart*
      (DIRECTIVE_START ELSE TEMPLATE_END templatePart*)?
      DIRECTIVE_START ENDIF TEMPLATE_END                               # ifDirective
  | DIRECTIVE_START FOR forHead TEMPLATE_END templatePart*
      DIRECTIVE_START ENDFOR TEMPLATE_END                              # forDirective
  ;

stringPart
  : QUOTED_TEXT | HEREDOC_TEXT | HEREDOC_NEWLINE | ESCAPED_INTERP | ESCAPED_DIRECTIVE
  | TEMPLATE_DOLLAR | TEMPLATE_PERCENT
  ;
