# The partner accounts come from the caller: without a default the tool cannot know them
# and says nothing about them.
variable "ag106_good_partner_accounts" {
  type = list(string)
}

data "aws_iam_policy_document" "ag106_good_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [for a in var.ag106_good_partner_accounts : "arn:aws:iam::${a}:role/reader"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["c0ffee15-partner-id"]
    }
  }
}

resource "aws_iam_role" "ag106_good" {
  name               = "ag106-good"
  assume_role_policy = data.aws_iam_policy_document.ag106_good_trust.json
}
