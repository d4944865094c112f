data "aws_iam_policy_document" "ag101_bad_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "ag101_bad" {
  name               = "ag101-bad"
  assume_role_policy = data.aws_iam_policy_document.ag101_bad_trust.json
}
