x = f"family={se!lf.family!s}, type={self.type!s}, "
