data "aws_iam_policy_document" "ag401_bad_trust" {
  statement {
    actions = ["sts:*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/deployer"]
    }
  }
}

resource "aws_iam_role" "ag401_bad" {
  name               = "ag401-bad"
  assume_role_policy = data.aws_iam_policy_document.ag401_bad_trust.json
}
