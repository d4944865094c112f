variable "ag106_partner_accounts" {
  type    = list(string)
  default = ["777788889999"]
}

data "aws_iam_policy_document" "ag106_bad_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [for a in var.ag106_partner_accounts : "arn:aws:iam::${a}:role/reader"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["c0ffee15-partner-id"]
    }
  }
}

resource "aws_iam_role" "ag106_bad" {
  name               = "ag106-bad"
  assume_role_policy = data.aws_iam_policy_document.ag106_bad_trust.json
}
