data "aws_iam_policy_document" "ag401_good_trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/deployer"]
    }
  }
}

resource "aws_iam_role" "ag401_good" {
  name               = "ag401-good"
  assume_role_policy = data.aws_iam_policy_document.ag401_good_trust.json
}
