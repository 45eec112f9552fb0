type T = await x
