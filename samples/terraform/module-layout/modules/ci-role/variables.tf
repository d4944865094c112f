variable "github_repo" {
  type        = string
  description = "owner/name of the repository whose workflows may deploy"
}

variable "github_org" {
  type    = string
  default = "acme"
}
