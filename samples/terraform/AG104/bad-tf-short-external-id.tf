resource "aws_iam_role" "ag104_bad" {
  name = "ag104-bad"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:role/vendor" }
      Condition = { StringEquals = { "sts:ExternalId" = "1234" } }
    }]
  })
}
