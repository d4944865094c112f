# The condition key comes from a variable without a default: it could be aws:PrincipalOrgID, so
# assumeguard cannot tell whether the "*" principal is narrowed and says nothing (never guess).
variable "caller_key" {
  type = string
}

data "aws_iam_policy_document" "shared_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = var.caller_key
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "shared-reader"
  assume_role_policy = data.aws_iam_policy_document.shared_trust.json
}
